package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import java.util.Optional;

final class Settings implements SettingsStore {
    private final Table table;

    Settings(Table table) {
        this.table = table;
    }

    @Override
    public Optional<EscalationPolicy> escalationPolicy() {
        return table.get(Keys.SETTINGS, Keys.ESCALATION_POLICY)
                .map(item -> Items.reader(item).map("policy", PolicyItems::read));
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy) {
        table.put(Items.writer()
                .s(PK, Keys.SETTINGS).s(SK, Keys.ESCALATION_POLICY).s(ITEM_TYPE, Keys.SETTINGS)
                .map("policy", PolicyItems.write(policy))
                .build());
    }
}
