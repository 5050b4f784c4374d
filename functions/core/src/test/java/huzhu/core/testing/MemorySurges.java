package huzhu.core.testing;

import huzhu.core.directory.Area;
import huzhu.core.incident.Surge;
import huzhu.core.incident.SurgeStore;
import huzhu.core.kernel.StaleWrite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemorySurges implements SurgeStore {
    private final Object lock;
    private final Map<Area, Surge> byArea = new LinkedHashMap<>();

    MemorySurges(Object lock) {
        this.lock = lock;
    }

    @Override
    public Optional<Surge> get(Area area) {
        synchronized (lock) {
            return Optional.ofNullable(byArea.get(area));
        }
    }

    @Override
    public void put(Surge surge) {
        synchronized (lock) {
            Surge stored = byArea.get(surge.area());
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != surge.version() - 1) {
                throw new StaleWrite("surge", surge.area().city() + "/" + surge.area().district());
            }
            byArea.put(surge.area(), surge);
        }
    }

    @Override
    public List<Surge> active() {
        synchronized (lock) {
            return byArea.values().stream().filter(Surge::on).toList();
        }
    }
}
