package huzhu.robots;

import huzhu.core.group.GroupFact;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines the union's group sees about an incident: its code, its district and where it stands (opened,
 * accepted or taken in hand by an officer in N minutes, escalated, resolved, cancelled), and nothing about the people in it. zh-CN always;
 * where the deployment's language is English, the English line follows. Texts from the bundle
 * {@code huzhu/robots/group_news_*.properties}. Every line passes {@link PersonalDataGuard} before it is
 * returned, so a district field that holds a street address or a phone number is refused, not posted.
 */
public final class GroupNews {
    private static final String BUNDLE = "huzhu.robots.group_news";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
    private static final int MAX_DISTRICT = 20;
    /** Characters of a notice's text in the group: WeCom takes 2048 bytes of text, three bytes a Chinese character. */
    static final int MAX_NOTICE = 500;
    private static final Set<String> TYPES = Set.of("medical", "accident", "fire", "bereavement", "other");

    private final ResourceBundle zh;
    private final ResourceBundle en;

    /** @param deploymentLanguage the deployment's language tag: {@code en} adds English lines, anything else not */
    public GroupNews(String deploymentLanguage) {
        this.zh = bundle(Locale.SIMPLIFIED_CHINESE);
        boolean english = deploymentLanguage != null
                && Locale.forLanguageTag(deploymentLanguage.strip()).getLanguage().equals("en");
        this.en = english ? bundle(Locale.ENGLISH) : null;
    }

    public GroupMessage opened(String code, String district) {
        return line(code, "opened", Map.of("district", district(district)));
    }

    /** @param took from the incident's opening to the first accept */
    public GroupMessage accepted(String code, String district, Duration took) {
        String key = took.toSeconds() < 60 ? "accepted.underMinute" : "accepted";
        return line(code, key, Map.of("district", district(district), "minutes", roundedMinutes(took)));
    }

    /** @param took from the incident's opening to the officer taking it in hand at the console */
    public GroupMessage takenInHand(String code, String district, Duration took) {
        String key = took.toSeconds() < 60 ? "takenInHand.underMinute" : "takenInHand";
        return line(code, key, Map.of("district", district(district), "minutes", roundedMinutes(took)));
    }

    /** @param level the incident's escalation level now reached (0 is the volunteers' first alert) */
    public GroupMessage escalated(String code, String district, int level) {
        return line(code, "escalated", Map.of("district", district(district), "level", level));
    }

    public GroupMessage resolved(String code, String district) {
        return line(code, "resolved", Map.of("district", district(district)));
    }

    /** A false alarm, stood down. */
    public GroupMessage cancelled(String code, String district) {
        return line(code, "cancelled", Map.of("district", district(district)));
    }

    /**
     * For a leaders' group when a leaders' level is alerted.
     *
     * @param type the incident's type as the contract spells it ({@code medical}, {@code fire}…)
     * @param open how long the incident has waited for an accept
     */
    public GroupMessage leaderSummary(String code, String district, String type, int leaderLevel, Duration open) {
        String t = type == null ? "other" : type.strip().toLowerCase(Locale.ROOT);
        String typeKey = "type." + (TYPES.contains(t) ? t : "other");
        return line(code, "leaderSummary", Map.of("district", district(district), "typeKey", typeKey,
                "leaderLevel", leaderLevel, "minutes", Math.max(1, roundedMinutes(open))));
    }

    /**
     * A district in surge: one line for all its requests (how many wait, the longest wait, how many are handled), at
     * its start, once per summary interval, and at its end; no incident code.
     */
    public GroupMessage surge(String district, GroupFact.DistrictSurge.Stage stage, int waiting, int handled,
            long longestWaitMinutes) {
        String key = switch (stage) {
            case STARTED -> "surge.started";
            case CONTINUING -> "surge.continuing";
            case ENDED -> "surge.ended";
        };
        Map<String, Object> args = Map.of("district", district(district), "waiting", waiting, "handled", handled,
                "minutes", longestWaitMinutes);
        String title = render(zh, "surge.title", "", args);
        String text = render(zh, key, "", args);
        if (en != null) {
            title = title + " / " + render(en, "surge.title", "", args);
            text = text + "\n" + render(en, key, "", args);
        }
        PersonalDataGuard.check(title);
        PersonalDataGuard.check(text);
        return new GroupMessage(title, text);
    }

    /** For a leaders' group: a death in a member's family was recorded; no name, only the code and the district. */
    public GroupMessage bereavement(String code, String district) {
        return line(code, "bereavement", Map.of("district", district(district)));
    }

    /**
     * A notice as the work group reads it: its title, its text (the beginning of it, when long) and the link to its
     * page. Written by an officer for every member, it may carry the union office's number, so it is not put through
     * {@link PersonalDataGuard}; what the guard protects is the people in an incident.
     */
    public GroupMessage notice(String title, String text, String pageUrl) {
        if (title == null || title.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a notice needs its title and text");
        }
        String body = text.strip();
        if (body.length() > MAX_NOTICE) body = body.substring(0, MAX_NOTICE) + "…";
        // one language: the notice is written in the deployment's
        ResourceBundle words = en != null ? en : zh;
        String heading = render(words, "notice.title", "", Map.of("title", title.strip()));
        String link = pageUrl == null || pageUrl.isBlank() ? ""
                : "\n" + render(words, "notice.page", "", Map.of("link", pageUrl.strip()));
        return new GroupMessage(heading, body + link);
    }

    private GroupMessage line(String code, String key, Map<String, Object> args) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("an incident code is 1 to 12 letters or digits");
        }
        String title = render(zh, "title", code, args);
        String text = render(zh, key, code, args);
        if (en != null) {
            title = title + " / " + render(en, "title", code, args);
            text = text + "\n" + render(en, key, code, args);
        }
        PersonalDataGuard.check(title);
        PersonalDataGuard.check(text);
        return new GroupMessage(title, text);
    }

    private static String render(ResourceBundle bundle, String key, String code, Map<String, Object> args) {
        Matcher m = PLACEHOLDER.matcher(bundle.getString(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = switch (name) {
                case "code" -> code;
                case "district" -> "".equals(args.get("district"))
                        ? bundle.getString("district.unknown") : args.get("district");
                case "type" -> bundle.getString((String) args.get("typeKey"));
                default -> args.get(name);
            };
            if (value == null) throw new IllegalStateException("no value for {" + name + "} in " + key);
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The district as a short place name, or "" (rendered as "unknown") when there is none. */
    private static String district(String district) {
        if (district == null || district.isBlank()) return "";
        String d = district.strip().replaceAll("\\s+", " ");
        if (d.length() > MAX_DISTRICT) throw new IllegalArgumentException("a district is a short place name");
        return d;
    }

    private static long roundedMinutes(Duration d) {
        return (Math.max(0, d.toSeconds()) + 30) / 60;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
