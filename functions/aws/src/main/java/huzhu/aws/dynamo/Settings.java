package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Versioned;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The union's settings: one item each under the settings partition, written with a condition on its
 * {@code version} (an item saved before versions were kept has none: it is version 1).
 */
final class Settings implements SettingsStore {
    /** The sort key of the duty roster's item, beside the escalation policy's under the settings key. */
    static final String DUTY_ROSTER = "DUTY_ROSTER";

    private final Table table;

    Settings(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Versioned<EscalationPolicy>> savedEscalationPolicy() {
        return table.get(Keys.SETTINGS, Keys.ESCALATION_POLICY).map(item -> {
            Items.Reader r = Items.reader(item);
            return new Versioned<>(r.map("policy", PolicyItems::read), item.containsKey("version") ? r.l("version") : 1);
        });
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy, long version) {
        Map<String, AttributeValue> item = Items.writer()
                .s(PK, Keys.SETTINGS).s(SK, Keys.ESCALATION_POLICY).s(ITEM_TYPE, Keys.SETTINGS)
                .map("policy", PolicyItems.write(policy))
                .n("version", version)
                .build();
        long previous = version - 1;
        boolean saved;
        if (previous == 0) {
            saved = table.putNew(item);
        } else if (previous == 1) {
            saved = table.put(item, "attribute_exists(#pk) AND (attribute_not_exists(#version) OR #version = :previous)",
                    Map.of(":previous", Items.n(previous)));
        } else {
            saved = table.put(item, "#version = :previous", Map.of(":previous", Items.n(previous)));
        }
        if (!saved) throw new StaleWrite("policy", Keys.ESCALATION_POLICY);
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
