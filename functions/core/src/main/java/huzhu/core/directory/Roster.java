package huzhu.core.directory;

import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.PointInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.kernel.Text;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The columns of a roster the union keeps in a spreadsheet, named in Chinese or English, and one row of
 * it as the input a console form would send. Family contacts may be numbered ("家属2姓名",
 * "familyPhone2"); columns nobody asked for (序号, 备注…) are ignored and reported.
 */
final class Roster {
    enum Column { NAME, PHONE, UNIT, CITY, DISTRICT, ADDRESS, LAT, LON, LANGUAGE, FAMILY_NAME, FAMILY_RELATION,
        FAMILY_PHONE, SKILLS, ON_DUTY, MAX_ACTIVE }

    static final Set<Column> MEMBER_COLUMNS = EnumSet.of(Column.NAME, Column.PHONE, Column.UNIT, Column.CITY,
            Column.DISTRICT, Column.ADDRESS, Column.LAT, Column.LON, Column.LANGUAGE, Column.FAMILY_NAME,
            Column.FAMILY_RELATION, Column.FAMILY_PHONE);
    static final Set<Column> VOLUNTEER_COLUMNS = EnumSet.of(Column.NAME, Column.PHONE, Column.CITY, Column.DISTRICT,
            Column.LAT, Column.LON, Column.LANGUAGE, Column.SKILLS, Column.ON_DUTY, Column.MAX_ACTIVE);
    static final Set<Column> REQUIRED = EnumSet.of(Column.NAME, Column.PHONE, Column.CITY);

    private static final Map<String, Column> ALIASES = new HashMap<>();

    static {
        alias(Column.NAME, "name", "姓名", "名字", "会员姓名", "队员姓名");
        alias(Column.PHONE, "phone", "mobile", "tel", "手机", "手机号", "手机号码", "电话", "联系电话", "电话号码");
        alias(Column.UNIT, "unit", "单位", "工作单位", "所在单位", "部门", "分会");
        alias(Column.CITY, "city", "homecity", "homeareacity", "areacity", "城市", "市", "所在城市", "家庭所在城市",
                "服务城市");
        alias(Column.DISTRICT, "district", "homedistrict", "homeareadistrict", "areadistrict", "区", "区县", "县区",
                "所在区", "所在区县", "服务区县", "服务区");
        alias(Column.ADDRESS, "homeaddress", "address", "地址", "家庭住址", "家庭地址", "住址");
        alias(Column.LAT, "lat", "latitude", "纬度");
        alias(Column.LON, "lon", "lng", "longitude", "经度");
        alias(Column.LANGUAGE, "language", "lang", "语言");
        alias(Column.FAMILY_NAME, "familyname", "familycontact", "familycontactname", "家属", "家属姓名", "紧急联系人",
                "紧急联系人姓名", "联系人", "联系人姓名");
        alias(Column.FAMILY_RELATION, "familyrelation", "relation", "familycontactrelation", "关系", "家属关系",
                "与会员关系", "紧急联系人关系", "联系人关系");
        alias(Column.FAMILY_PHONE, "familyphone", "familycontactphone", "家属电话", "家属手机", "家属手机号",
                "紧急联系人电话", "紧急联系人手机", "联系人电话", "联系人手机");
        alias(Column.SKILLS, "skills", "skill", "技能", "特长", "专长");
        alias(Column.ON_DUTY, "onduty", "duty", "值班", "在岗", "是否值班", "是否在岗");
        alias(Column.MAX_ACTIVE, "maxactive", "最多同时接单", "同时接单数", "最大接单数", "最多接单");
    }

    private static void alias(Column column, String... names) {
        for (String n : names) ALIASES.put(n, column);
    }

    /** Where each wanted column is; {@code family} says which contact (1, 2…) a family column belongs to. */
    record Header(Map<Integer, Column> columns, Map<Integer, Integer> family, List<String> ignored,
            Set<Column> missing) {
    }

    static Header header(List<String> cells, Set<Column> wanted) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Map<Integer, Integer> family = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        Set<Column> seen = EnumSet.noneOf(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String raw = Text.clean(cells.get(i));
            if (Text.blank(raw)) continue;
            String key = normalise(raw);
            int contact = 1;
            String digits = key.replaceAll("[^0-9]", "");
            if (!digits.isEmpty() && digits.length() <= 2) {
                contact = Integer.parseInt(digits);
                key = key.replaceAll("[0-9]", "");
            }
            Column column = ALIASES.get(key);
            boolean familyColumn = column == Column.FAMILY_NAME || column == Column.FAMILY_RELATION
                    || column == Column.FAMILY_PHONE;
            boolean numberedNonFamily = !digits.isEmpty() && !familyColumn;
            if (column == null || !wanted.contains(column) || numberedNonFamily || contact < 1
                    || (!familyColumn && seen.contains(column))) {
                ignored.add(raw);
                continue;
            }
            seen.add(column);
            columns.put(i, column);
            if (familyColumn) family.put(i, contact);
        }
        Set<Column> missing = EnumSet.noneOf(Column.class);
        for (Column c : REQUIRED) if (wanted.contains(c) && !seen.contains(c)) missing.add(c);
        return new Header(columns, family, ignored, missing);
    }

    /** Lower case, without spaces, punctuation or brackets: "Family Phone 2", "家属(2)电话" → "familyphone2", "家属2电话". */
    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.:：()（）\\[\\]【】*#/]", "");
    }

    /** The JSON field a column fills, for "required column missing" problems. */
    static String field(Column c) {
        return switch (c) {
            case NAME -> "name";
            case PHONE -> "phone";
            case CITY -> "city";
            default -> c.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A row's cells by column, and its problems that are not the form's (a number that is not one). */
    static final class Row {
        private final Map<Column, String> values = new HashMap<>();
        private final TreeMap<Integer, String[]> contacts = new TreeMap<>();
        final Map<String, String> problems = new LinkedHashMap<>();

        Row(Header header, List<String> cells) {
            header.columns().forEach((i, column) -> {
                String value = i < cells.size() ? Text.clean(cells.get(i)) : null;
                if (Text.blank(value)) return;
                Integer contact = header.family().get(i);
                if (contact == null) {
                    values.put(column, value);
                    return;
                }
                String[] c = contacts.computeIfAbsent(contact, k -> new String[3]);
                c[column == Column.FAMILY_NAME ? 0 : column == Column.FAMILY_RELATION ? 1 : 2] = value;
            });
        }

        boolean blank() {
            return values.isEmpty() && contacts.isEmpty();
        }

        MemberInput member() {
            List<FamilyContactInput> family = new ArrayList<>();
            for (String[] c : contacts.values()) family.add(new FamilyContactInput(c[0], c[1], c[2]));
            return new MemberInput(values.get(Column.NAME), values.get(Column.PHONE), values.get(Column.UNIT),
                    area(), values.get(Column.ADDRESS), point(), family, values.get(Column.LANGUAGE));
        }

        VolunteerInput volunteer() {
            List<String> skills = null;
            String s = values.get(Column.SKILLS);
            if (s != null) {
                skills = new ArrayList<>();
                for (String skill : s.split("[;；,，、|/\\s]+")) if (!skill.isBlank()) skills.add(skill);
            }
            Boolean onDuty = null;
            String d = values.get(Column.ON_DUTY);
            if (d != null) {
                onDuty = yesNo(d);
                if (onDuty == null) problems.put("onDuty", "invalid.choice");
            }
            Integer maxActive = null;
            String m = values.get(Column.MAX_ACTIVE);
            if (m != null) {
                try {
                    maxActive = Integer.valueOf(m);
                } catch (NumberFormatException e) {
                    problems.put("maxActive", "invalid.number");
                }
            }
            return new VolunteerInput(values.get(Column.NAME), values.get(Column.PHONE), area(), point(), skills,
                    onDuty, maxActive, values.get(Column.LANGUAGE));
        }

        private AreaInput area() {
            String city = values.get(Column.CITY);
            String district = values.get(Column.DISTRICT);
            return city == null && district == null ? null : new AreaInput(city, district);
        }

        private PointInput point() {
            Double lat = number("location.lat", values.get(Column.LAT));
            Double lon = number("location.lon", values.get(Column.LON));
            return lat == null && lon == null ? null : new PointInput(lat, lon);
        }

        private Double number(String field, String value) {
            if (value == null) return null;
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                problems.put(field, "invalid.number");
                return null;
            }
        }
    }

    static Boolean yesNo(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "y", "yes", "true", "on", "是", "在岗", "值班", "√", "✓" -> Boolean.TRUE;
            case "0", "n", "no", "false", "off", "否", "不在岗", "不值班", "休息", "×", "✗" -> Boolean.FALSE;
            default -> null;
        };
    }
}
