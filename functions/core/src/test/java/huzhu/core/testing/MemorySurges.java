package huzhu.core.testing;

import huzhu.core.directory.Area;
import huzhu.core.incident.Surge;
import huzhu.core.incident.SurgeStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

final class MemorySurges implements SurgeStore {
    private final MemoryTable<Surge> byArea;

    MemorySurges(Object lock) {
        this.byArea = new MemoryTable<>(lock, "surge", s -> key(s.area()), Surge::version, new LinkedHashMap<>());
    }

    @Override
    public Optional<Surge> get(Area area) {
        return byArea.get(key(area));
    }

    @Override
    public void put(Surge surge) {
        byArea.save(surge);
    }

    @Override
    public List<Surge> active() {
        return byArea.where(Surge::on);
    }

    private static String key(Area area) {
        return area.city() + "/" + area.district();
    }
}
