package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import java.util.Optional;

final class Settings implements SettingsStore {
    /** The sort key of the duty roster's item, beside the escalation policy's under the settings key. */
    static final String DUTY_ROSTER = "DUTY_ROSTER";

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

    @Override
    public Optional<DutyRoster> dutyRoster() {
        return table.get(Keys.SETTINGS, DUTY_ROSTER).map(item -> new DutyRoster(Items.reader(item).list("shifts",
                s -> new DutyRoster.Shift(s.s("id"), s.s("leaderId"), s.date("from"), s.date("to")))));
    }

    @Override
    public void saveDutyRoster(DutyRoster roster) {
        table.put(Items.writer()
                .s(PK, Keys.SETTINGS).s(SK, DUTY_ROSTER).s(ITEM_TYPE, Keys.SETTINGS)
                .list("shifts", roster.shifts(), s -> Items.writer().s("id", s.id()).s("leaderId", s.leaderId())
                        .date("from", s.from()).date("to", s.to()))
                .build());
    }
}
