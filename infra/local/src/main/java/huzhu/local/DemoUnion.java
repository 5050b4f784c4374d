package huzhu.local;

import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.PointInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.kernel.PageRequest;
import huzhu.core.log.JsonLog;
import java.util.List;

/**
 * HUZHU_DEMO=1: a small union to try the system with — the seed's story. A member works in Shanghai;
 * his parents live in Wuhan, Jianghan district, near two on-duty volunteers. Loaded only into an empty
 * directory, so a restart never duplicates it.
 */
final class DemoUnion {
    static final String MEMBER_PHONE = "+8613900000001";
    static final String FATHER_PHONE = "+8613900000002";

    private DemoUnion() {
    }

    static void loadInto(Store store, Services services) {
        if (!store.directory().members().page(PageRequest.first(1)).items().isEmpty()) return;
        DirectoryService dir = services.directory();
        dir.createLeader(new LeaderInput("周干事", "13900000011", null, "工会干事", 1, "zh-CN"));
        dir.createLeader(new LeaderInput("陈主席", "13900000012", null, "工会主席", 2, "zh-CN"));
        dir.createVolunteer(new VolunteerInput("刘强", "13900000021", new AreaInput("武汉市", "江汉区"),
                new PointInput(30.5830, 114.2720), List.of("first-aid", "driver"), true, 1, "zh-CN"));
        dir.createVolunteer(new VolunteerInput("赵敏", "13900000022", new AreaInput("武汉市", "江汉区"),
                new PointInput(30.5900, 114.2650), List.of("first-aid"), true, 1, "zh-CN"));
        dir.createVolunteer(new VolunteerInput("孙伟", "13900000023", new AreaInput("武汉市", "武昌区"), null,
                List.of("driver"), true, 1, "zh-CN"));
        dir.createVolunteer(new VolunteerInput("Li Na", "13900000024", new AreaInput("武汉市", "江汉区"), null,
                List.of(), false, 1, "en"));
        var member = dir.createMember(new MemberInput("王建国", MEMBER_PHONE, "销售分公司", new AreaInput("武汉市", "江汉区"),
                "武汉市江汉区新华路 88 号 3 栋 502", new PointInput(30.5850, 114.2700),
                List.of(new FamilyContactInput("王德福", "父亲", FATHER_PHONE)), "zh-CN"));
        var link = dir.issueTriggerLink(member.id());
        JsonLog.info("demo.loaded", "members", 1, "volunteers", 4, "leaders", 2);
        System.out.println(LocalText.bilingual("demo.loaded", java.util.Map.of(
                "member", member.name(), "family", FATHER_PHONE, "link", link.url())));
    }
}
