package huzhu.local;

/**
 * The pretend AWS account the local stack's events come from. The account id is LocalStack's
 * well-known {@code 000000000000}; the partition follows the region, as ARNs do in AWS
 * ({@code aws-cn} for {@code cn-north-1}).
 */
public record LocalAws(String region, String accountId) {
    public static final String ACCOUNT_ID = "000000000000";

    public static LocalAws of(String region) {
        return new LocalAws(region, ACCOUNT_ID);
    }

    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : "aws";
    }

    /** {@code amazonaws.com}, or {@code amazonaws.com.cn} in the China regions. */
    public String domainSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    public String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
