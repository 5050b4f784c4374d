package huzhu.bench;

import huzhu.aws.sns.SmsConfig;
import huzhu.aws.sns.SnsClients;
import huzhu.aws.sns.SnsMessenger;
import huzhu.core.kernel.Language;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SendResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One alert to 20 recipients through the SNS adapter ({@link SnsMessenger#sendAll}, the
 * production class and client setup) against a stand-in SNS that answers each Publish after 50 ms: wall time
 * of the whole fan-out, and its ratio to a single Publish measured in the same run, interleaved.
 * <p>
 * {@code java -cp … huzhu.bench.FanOut [--recipients 20] [--runs 50] [--warmup 20] [--delay 50]}
 */
public final class FanOut {
    public static void main(String[] args) {
        Map<String, String> a = Args.parse(args);
        int recipients = Integer.parseInt(a.getOrDefault("recipients", "20"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "50"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        long delay = Long.parseLong(a.getOrDefault("delay", "50"));
        PrintStream out = System.out;
        out.println(Args.machine());
        out.printf("recipients=%d runs=%d warmup=%d stand-in delay=%d ms%n", recipients, runs, warmup, delay);

        List<Double> single = new ArrayList<>();
        List<Double> fan = new ArrayList<>();
        try (StandInAws sns = StandInAws.start(delay)) {
            // the adapter logs one JSON line per SMS (to the System.out it finds when built): not this output
            System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream(), true));
            huzhu.aws.AwsApi client = SnsClients.build(BenchAws.clients(), sns.endpoint());
            SnsMessenger messenger = new SnsMessenger(client, SmsConfig.DEFAULTS);
            RenderedSms text = new SmsComposer(null).render(Language.ZH_CN, "alert", Map.of("code", "K27",
                    "member", "王建国", "address", "武汉市江汉区解放大道1号", "type", "突发疾病", "message", "爸爸在家摔倒了",
                    "reporter", "父亲王德福", "link", "https://bench.example/v1/acks/secret-0001"));
            List<OutboundSms> alert = new ArrayList<>();
            for (int r = 0; r < recipients; r++) alert.add(new OutboundSms(BenchUnion.volunteerPhone(r), text, "bench"));
            try {
                for (int i = 0; i < warmup + runs; i++) {
                    long t0 = System.nanoTime();
                    SendResult one = messenger.send(alert.get(0));
                    long t1 = System.nanoTime();
                    List<SendResult> all = messenger.sendAll(alert);
                    long t2 = System.nanoTime();
                    if (!one.ok() || all.stream().anyMatch(r -> !r.ok()) || all.size() != recipients) {
                        throw new IllegalStateException("a send failed: " + one + " " + all);
                    }
                    if (i >= warmup) {
                        single.add((t1 - t0) / 1e6);
                        fan.add((t2 - t1) / 1e6);
                    }
                }
            } finally {
                System.setOut(out);
            }
        }
        double s50 = Stats.median(single);
        double f50 = Stats.median(fan);
        out.println();
        out.println("| recipients | single Publish p50 ms | fan-out p50 ms | fan-out p90 ms | fan-out max ms | ratio (p50) |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n", recipients, s50, f50,
                Stats.percentile(fan, 90), Stats.max(fan), f50 / s50);
        System.exit(0);
    }
}
