package huzhu.local.store;

import static huzhu.local.store.Sql.execute;
import static huzhu.local.store.Sql.exists;
import static huzhu.local.store.Sql.prepare;

import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.TriggerTokenStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Trigger-token hashes, one row per member; a token's link names the city of its member as stored now (a join). */
final class SqlTriggerTokens implements TriggerTokenStore {
    private final Sql sql;

    SqlTriggerTokens(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void bind(String memberId, String tokenHash) {
        sql.tx(c -> {
            execute(c, "DELETE FROM trigger_tokens WHERE member_id = ? OR token_hash = ?", memberId, tokenHash);
            execute(c, "INSERT INTO trigger_tokens (token_hash, member_id) VALUES (?, ?)", tokenHash, memberId);
            return null;
        });
    }

    @Override
    public Optional<PhoneLink> linkFor(String tokenHash) {
        return sql.tx(c -> {
            try (PreparedStatement ps = prepare(c, """
                    SELECT t.member_id, d.city FROM trigger_tokens t
                    LEFT JOIN directory d ON d.kind = 'member' AND d.id = t.member_id
                    WHERE t.token_hash = ?""", tokenHash); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PhoneLink(rs.getString(1), rs.getString(2))) : Optional.<PhoneLink>empty();
            }
        });
    }

    @Override
    public boolean has(String memberId) {
        return sql.tx(c -> exists(c, "SELECT 1 FROM trigger_tokens WHERE member_id = ?", memberId));
    }

    @Override
    public Optional<String> tokenHashOf(String memberId) {
        return sql.tx(c -> {
            try (PreparedStatement ps = prepare(c, "SELECT token_hash FROM trigger_tokens WHERE member_id = ?",
                    memberId); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void unbind(String memberId) {
        sql.tx(c -> execute(c, "DELETE FROM trigger_tokens WHERE member_id = ?", memberId));
    }
}
