package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.error.DependencyFailure;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Trigger-token hashes: a token item (hash → member) that the trigger link looks up, and the member's
 * current-token item (member → hash). A token resolves only while its member's current-token item still
 * names it, so a rotation takes effect the moment that one item is rewritten; deleting the old token item
 * afterwards is housekeeping that may fail without reopening the old link. The token item also names the member's
 * home city, written at bind and again after each change of the member ({@link #homeCityIs}): a hint, as on a
 * family link, so the volunteers of that city can be read beside the member.
 */
final class TriggerTokens implements TriggerTokenStore {
    private static final int ATTEMPTS = 5;
    private static final String MEMBER_ID = "memberId";
    private static final String TOKEN_HASH = "tokenHash";
    private static final String HOME_CITY = "homeCity";

    private final Table table;

    TriggerTokens(Table table) {
        this.table = table;
    }

    @Override
    public void bind(String memberId, String tokenHash) {
        String homeCity = homeCityOf(memberId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> old = current(memberId);
            table.put(Items.writer()
                    .s(PK, Keys.triggerToken(tokenHash)).s(SK, Keys.TOKEN).s(ITEM_TYPE, "TRIGGER_TOKEN")
                    .s(MEMBER_ID, memberId).s(HOME_CITY, homeCity).build());
            Map<String, AttributeValue> current = Items.writer()
                    .s(PK, Keys.currentTriggerToken(memberId)).s(SK, Keys.TOKEN).s(ITEM_TYPE, "CURRENT_TRIGGER_TOKEN")
                    .s(TOKEN_HASH, tokenHash).build();
            boolean switched = old.isEmpty()
                    ? table.putNew(current)
                    : table.put(current, "#tokenHash = :old", Map.of(":old", Items.s(old.get())));
            if (!switched) continue; // a concurrent rotation won: start again from what it wrote
            if (old.isPresent() && !old.get().equals(tokenHash)) forget(old.get(), memberId);
            return;
        }
        throw new DependencyFailure("the trigger token of member " + memberId + " kept changing", null);
    }

    @Override
    public void unbind(String memberId) {
        Optional<String> old = current(memberId);
        if (old.isEmpty()) return;
        table.delete(Keys.currentTriggerToken(memberId), Keys.TOKEN, "#tokenHash = :old",
                Map.of(":old", Items.s(old.get())));
        forget(old.get(), memberId);
    }

    @Override
    public Optional<PhoneLink> linkFor(String tokenHash) {
        return table.get(Keys.triggerToken(tokenHash), Keys.TOKEN).map(Items::reader)
                .map(item -> new PhoneLink(item.s(MEMBER_ID), item.s(HOME_CITY)));
    }

    /**
     * Names the city the member lives in now on the item of their current token, if they have one: only the city
     * changes, and only on an item that still names the member.
     */
    void homeCityIs(String memberId, String city) {
        current(memberId).ifPresent(tokenHash -> {
            String pk = Keys.triggerToken(tokenHash);
            if (city == null) {
                table.update(pk, Keys.TOKEN, "REMOVE #homeCity", "#memberId = :member",
                        Map.of(":member", Items.s(memberId)));
            } else {
                table.update(pk, Keys.TOKEN, "SET #homeCity = :city", "#memberId = :member",
                        Map.of(":member", Items.s(memberId), ":city", Items.s(city)));
            }
        });
    }

    private String homeCityOf(String memberId) {
        return table.get(DirectoryItems.MEMBERS.kind(), memberId)
                .map(item -> DirectoryItems.MEMBERS.homeCity(DirectoryItems.MEMBERS.read(Items.reader(item))))
                .orElse(null);
    }

    @Override
    public boolean has(String memberId) {
        return current(memberId).isPresent();
    }

    @Override
    public Optional<String> tokenHashOf(String memberId) {
        return current(memberId);
    }

    private Optional<String> current(String memberId) {
        return table.get(Keys.currentTriggerToken(memberId), Keys.TOKEN).map(item -> item.get(TOKEN_HASH).s());
    }

    /** Deletes the token item unless it has since been bound to another member. */
    private void forget(String tokenHash, String memberId) {
        table.delete(Keys.triggerToken(tokenHash), Keys.TOKEN, "#memberId = :member",
                Map.of(":member", Items.s(memberId)));
    }
}
