package huzhu.aws;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.SamTemplate;
import huzhu.aws.dynamo.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** template.yaml (repo root), the deployment path: what the contract and the Java code rely on is declared. */
class TemplateTest {
    private static Path root;
    private static SamTemplate sam;
    private static Map<String, Object> template;

    /** Logical id → [module directory under functions/, handler]. */
    private static final Map<String, List<String>> FUNCTIONS = Map.of(
            "TriggerFunction", List.of("trigger", "huzhu.trigger.TriggerHandler"),
            "AckFunction", List.of("ack", "huzhu.ack.AckHandler"),
            "ConsoleApiFunction", List.of("console-api", "huzhu.console.ConsoleApiHandler"),
            "SmsInboundFunction", List.of("sms-inbound", "huzhu.sms.SmsInboundHandler"),
            "ProviderPushFunction", List.of("sms-inbound", "huzhu.sms.ProviderPushHandler"),
            "EscalationFunction", List.of("escalation", "huzhu.escalation.EscalationHandler"),
            "EscalationTimerFunction", List.of("escalation", "huzhu.escalation.EscalationTimerHandler"));

    private static final Set<String> PUBLIC_ROUTES = Set.of(
            "POST /v1/triggers/{triggerToken}",
            "GET /v1/triggers/{triggerToken}",
            "GET /v1/acks/{ackToken}",
            "POST /v1/acks/{ackToken}",
            "GET /console",
            "GET /v1/notices/{id}/page",
            "POST /v1/sms/{provider}/replies/{pushToken}",
            "POST /v1/sms/{provider}/reports/{pushToken}",
            "GET /v1/triggers/{triggerToken}/notices",
            "GET /v1/triggers/{triggerToken}/guide",
            "GET /v1/triggers/{triggerToken}/applications",
            "POST /v1/triggers/{triggerToken}/applications",
            "GET /v1/triggers/{triggerToken}/contacts",
            "POST /v1/triggers/{triggerToken}/contacts");

    /** CONTRACT §2.2, every method and path. */
    private static final Set<String> CONSOLE_ROUTES = new TreeSet<>(List.of(
            "POST /v1/members", "GET /v1/members",
            "GET /v1/members/{id}", "PUT /v1/members/{id}", "DELETE /v1/members/{id}",
            "POST /v1/members/{id}/trigger-link",
            "POST /v1/volunteers", "GET /v1/volunteers",
            "GET /v1/volunteers/{id}", "PUT /v1/volunteers/{id}", "DELETE /v1/volunteers/{id}",
            "POST /v1/leaders", "GET /v1/leaders",
            "GET /v1/leaders/{id}", "PUT /v1/leaders/{id}", "DELETE /v1/leaders/{id}",
            "GET /v1/escalation-policy", "PUT /v1/escalation-policy",
            "POST /v1/incidents", "GET /v1/incidents", "GET /v1/incidents/{id}",
            "POST /v1/incidents/{id}/acknowledge", "POST /v1/incidents/{id}/notes",
            "POST /v1/incidents/{id}/escalate", "POST /v1/incidents/{id}/resolve",
            "POST /v1/incidents/{id}/cancel",
            "POST /v1/incidents/{id}/followups", "GET /v1/incidents/{id}/followups",
            "GET /v1/followups",
            "GET /v1/reports/summary", "GET /v1/reports/coverage",
            "GET /v1/audit",
            "GET /v1/me", "POST /v1/members/import", "POST /v1/volunteers/import", "PUT /v1/followups/{id}",
            // the care around emergencies: introductions, notices, applications
            "POST /v1/members/introductions", "POST /v1/members/{id}/introductions",
            "POST /v1/notices", "GET /v1/notices", "POST /v1/notices/preview", "GET /v1/notices/{id}",
            "PUT /v1/notices/{id}", "POST /v1/notices/{id}/send", "POST /v1/notices/{id}/cancel",
            "GET /v1/notices/{id}/deliveries", "GET /v1/notices/{id}/replies",
            "POST /v1/applications", "GET /v1/applications", "GET /v1/applications/{id}", "PUT /v1/applications/{id}",
            "POST /v1/applications/{id}/review", "POST /v1/applications/{id}/approve",
            "POST /v1/applications/{id}/reject", "POST /v1/applications/{id}/pay", "GET /v1/reports/applications"));

    /** Read only by tests and the local stack to point an adapter elsewhere; never set in AWS. */
    private static final Set<String> LOCAL_ONLY_VARIABLES = Set.of("HUZHU_SNS_ENDPOINT", "HUZHU_DYNAMODB_ENDPOINT",
            "HUZHU_SQS_ENDPOINT", "HUZHU_SECRETSMANAGER_ENDPOINT");

    @BeforeAll
    static void load() {
        sam = SamTemplate.ofThisRepository();
        root = sam.root();
        template = sam.document();
    }

    @Test
    void template_declaresTheFiveFunctions_withTheirHandlers_andEachModulesShadedJar() throws IOException {
        // given
        Map<String, Map<String, Object>> functions = resourcesOfType("AWS::Serverless::Function");

        // then
        assertThat(functions.keySet()).containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
        for (var f : FUNCTIONS.entrySet()) {
            Map<String, Object> props = properties(functions.get(f.getKey()));
            String module = f.getValue().get(0);
            assertThat(props.get("Handler")).as(f.getKey()).isEqualTo(f.getValue().get(1));
            String codeUri = (String) props.get("CodeUri");
            assertThat(codeUri).as(f.getKey()).startsWith("functions/" + module + "/target/");
            // the jar the module's pom really produces (maven-shade-plugin outputFile)
            String pom = Files.readString(root.resolve("functions/" + module + "/pom.xml"));
            Matcher out = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>")
                    .matcher(pom);
            assertThat(out.find()).as("shade outputFile in %s's pom", module).isTrue();
            assertThat(codeUri).isEqualTo("functions/" + module + "/target/" + out.group(1));
        }
    }

    @Test
    void template_routesEveryPublicAndConsoleRoute_toItsFunction_andNoRouteTwice() {
        // when
        Map<String, String> routes = new TreeMap<>();
        routes().forEach((key, route) -> routes.put(key, route.function()));

        // then
        assertThat(routes).containsEntry("POST /v1/triggers/{triggerToken}", "TriggerFunction")
                .containsEntry("GET /v1/acks/{ackToken}", "AckFunction")
                .containsEntry("POST /v1/acks/{ackToken}", "AckFunction")
                .containsEntry("GET /console", "ConsoleApiFunction");
        for (String route : CONSOLE_ROUTES) {
            assertThat(routes).as(route).containsEntry(route, "ConsoleApiFunction");
        }
    }

    @Test
    void publicRoutes_haveNoAuthorizer_andEveryOtherRouteTheCognitoJwtAuthorizer() {
        // given
        Map<String, Object> api = properties(resource("HttpApi"));
        Map<String, Object> auth = map(api.get("Auth"));
        String defaultAuthorizer = (String) auth.get("DefaultAuthorizer");
        Map<String, Object> jwt = map(map(map(auth.get("Authorizers")).get(defaultAuthorizer))
                .get("JwtConfiguration"));

        // then: the default is a JWT authorizer on the user pool, for the app client
        assertThat(resource("HttpApi").get("Type")).isEqualTo("AWS::Serverless::HttpApi");
        assertThat(String.valueOf(jwt.get("issuer"))).contains("cognito-idp", "UserPool");
        assertThat(jwt.get("audience")).isEqualTo(List.of(Map.of("Ref", "UserPoolClient")));
        assertThat(routes().keySet()).containsAll(PUBLIC_ROUTES);
        for (var e : routes().entrySet()) {
            String route = e.getKey();
            Map<String, Object> props = e.getValue().properties();
            Object authorizer = props.get("Auth") == null ? null : map(props.get("Auth")).get("Authorizer");
            if (PUBLIC_ROUTES.contains(route) || route.startsWith("GET /console/")) {
                assertThat(authorizer).as("public route %s", route).isEqualTo("NONE");
                assertThat(map(api.get("RouteSettings"))).as("throttling of public route %s", route)
                        .hasEntrySatisfying(route, settings -> assertThat(map(settings))
                                .containsKeys("ThrottlingBurstLimit", "ThrottlingRateLimit"));
            } else {
                assertThat(authorizer).as("JWT route %s", route).isIn(null, defaultAuthorizer);
                assertThat(route.substring(route.indexOf(' ') + 1)).as("JWT route %s", route).startsWith("/v1/");
            }
        }
    }

    @Test
    void noIamStatement_grantsAWildcardAction_andOnlySmsPublishIsOnEveryResource() {
        // given
        List<Map<String, Object>> statements = new ArrayList<>();
        for (var r : resources().entrySet()) {
            Map<String, Object> props = properties(r.getValue());
            if (props.get("Policies") instanceof List<?> policies) {
                for (Object p : policies) {
                    if (p instanceof Map<?, ?> m && m.get("Statement") instanceof List<?> list) {
                        list.forEach(s -> statements.add(map(s)));
                    }
                }
            }
            if (props.get("PolicyDocument") instanceof Map<?, ?> doc && doc.get("Statement") instanceof List<?> list) {
                list.forEach(s -> statements.add(map(s)));
            }
        }

        // then
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> s : statements) {
            List<Object> actions = s.get("Action") instanceof List<?> l ? new ArrayList<>(l) : List.of(s.get("Action"));
            assertThat(actions).as("statement %s", s).allSatisfy(a -> {
                assertThat(a).isInstanceOf(String.class);
                assertThat((String) a).isNotEqualTo("*").doesNotEndWith(":*");
            });
            assertThat(s).as("statement %s", s).doesNotContainKey("NotAction");
            if ("*".equals(s.get("Resource"))) assertThat(actions).containsExactly("sns:Publish");
        }
    }

    @Test
    void snapStartRuntimeAndLogFormat_areSetOnceInGlobals_andNoFunctionOverridesThem() {
        // given
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));

        // then
        assertThat(map(globals.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
        assertThat(globals).containsEntry("Runtime", "java21").containsEntry("AutoPublishAlias", "live")
                .containsEntry("Architectures", List.of("arm64"))
                .containsKeys("MemorySize", "Timeout");
        assertThat(map(globals.get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
        for (var f : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            assertThat(properties(f.getValue())).as(f.getKey())
                    .doesNotContainKeys("SnapStart", "Runtime", "AutoPublishAlias", "Architectures");
        }
    }

    @Test
    void noResource_hasAHardCodedPhysicalName() {
        Set<String> nameProperties = Set.of("FunctionName", "TableName", "TopicName", "QueueName", "UserPoolName",
                "ClientName", "LogGroupName", "RoleName", "Name", "StageName");
        for (var r : resources().entrySet()) {
            // a name that refers to another resource (a metric filter's LogGroupName: !Ref …) names nothing new
            properties(r.getValue()).forEach((key, value) -> assertThat(nameProperties.contains(key)
                    && value instanceof String).as("%s.%s = %s", r.getKey(), key, value).isFalse());
        }
    }

    @Test
    void everyEnvironmentVariable_theJavaCodeOfAFunctionReads_isSetOnThatFunction() throws IOException {
        // given
        Map<String, Object> globalEnv = sam.globalEnvironment();

        for (var f : FUNCTIONS.entrySet()) {
            // when: every HUZHU_ literal in the function's module and the huzhu modules it depends on
            Set<String> read = new TreeSet<>();
            for (Path module : modulesOf(root.resolve("functions/" + f.getValue().get(0)))) {
                read.addAll(huzhuVariables(module.resolve("src/main/java")));
            }
            read.removeAll(LOCAL_ONLY_VARIABLES);
            Map<String, Object> env = sam.functions().get(f.getKey()).environment();

            // then
            assertThat(env.keySet()).as("environment of %s", f.getKey()).containsAll(read);
        }
        assertThat(globalEnv).containsKeys("HUZHU_TABLE", "HUZHU_PUBLIC_BASE_URL",
                "HUZHU_SMS_SIGNATURE", "HUZHU_SMS_SENDER_ID", "HUZHU_SMS_ORIGINATION_NUMBER", "HUZHU_SMS_MAX_PRICE",
                "HUZHU_LEADER_TOPIC_ARN");
        assertThat(globalEnv.get("HUZHU_TABLE")).isEqualTo(Map.of("Ref", "Table"));
    }

    @Test
    void smsInbound_isSubscribedToTheInboundTopic_andEscalationRunsEveryMinute() {
        // when
        Map<String, Object> sms = events("SmsInboundFunction").get("InboundSms");
        Map<String, Object> sweep = events("EscalationFunction").get("Sweep");

        // then
        assertThat(sms).containsEntry("Type", "SNS");
        assertThat(map(sms.get("Properties"))).containsEntry("Topic", Map.of("Ref", "InboundSmsTopic"));
        assertThat(resource("InboundSmsTopic").get("Type")).isEqualTo("AWS::SNS::Topic");
        assertThat(resource("LeaderTopic").get("Type")).isEqualTo("AWS::SNS::Topic");
        assertThat(sweep).containsEntry("Type", "Schedule");
        assertThat(map(sweep.get("Properties"))).containsEntry("Schedule", "rate(1 minute)");
    }

    @Test
    void table_isOnDemand_recoverable_encrypted_protected_andExpiresByTtl() {
        // given
        Map<String, Object> table = resource("Table");
        Map<String, Object> props = properties(table);

        // then
        assertThat(table).containsEntry("Type", "AWS::DynamoDB::Table").containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(props).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        assertThat(map(props.get("PointInTimeRecoverySpecification")))
                .containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat(map(props.get("SSESpecification"))).containsEntry("SSEEnabled", true);
        assertThat(map(props.get("TimeToLiveSpecification"))).containsEntry("AttributeName", "expiresAt")
                .containsEntry("Enabled", true);
    }

    /** The template's keys and indexes are exactly the ones the DynamoDB store creates locally. */
    @Test
    void table_keysAndIndexes_matchTheStoresTableSchema() throws Exception {
        // given
        CreateTableRequest request = TableSchema.createTableRequest("t");
        Map<String, Object> props = properties(resource("Table"));

        // when
        Map<String, String> storeAttributes = new TreeMap<>();
        request.attributeDefinitions().forEach(a -> storeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, String> templateAttributes = new TreeMap<>();
        list(props.get("AttributeDefinitions")).forEach(a -> templateAttributes.put(
                (String) map(a).get("AttributeName"), (String) map(a).get("AttributeType")));
        Map<String, String> storeIndexes = new TreeMap<>();
        request.globalSecondaryIndexes().forEach(i -> storeIndexes.put(i.indexName(),
                i.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList()
                        + " " + i.projection().projectionTypeAsString()));
        Map<String, String> templateIndexes = new TreeMap<>();
        list(props.get("GlobalSecondaryIndexes")).forEach(o -> {
            Map<String, Object> i = map(o);
            templateIndexes.put((String) i.get("IndexName"), list(i.get("KeySchema")).stream()
                    .map(k -> map(k).get("AttributeName") + ":" + map(k).get("KeyType")).toList()
                    + " " + map(i.get("Projection")).get("ProjectionType"));
        });

        // then
        assertThat(templateAttributes).isEqualTo(storeAttributes);
        assertThat(templateIndexes).isEqualTo(storeIndexes);
    }

    @Test
    void template_takesTheSmsAndOperatorParameters_andOutputsWhatOperatorsNeed() {
        assertThat(map(template.get("Parameters"))).containsKeys("SmsSenderId", "SmsOriginationNumber",
                "SmsSignature", "SmsMaxPrice", "SmsSpendAlarmUsd", "PublicBaseUrl", "OperatorEmail",
                "EscalationLatenessAlarmMs", "LogRetentionDays");
        assertThat(map(map(template.get("Parameters")).get("SmsSignature"))).containsEntry("Default", "【互助】");
        assertThat(map(template.get("Outputs"))).containsKeys("ApiUrl", "ConsoleUrl", "InboundSmsTopicArn",
                "UserPoolId", "UserPoolClientId", "AlarmTopicArn");
        Set<String> groups = new TreeSet<>();
        resourcesOfType("AWS::Cognito::UserPoolGroup").values()
                .forEach(g -> groups.add((String) properties(g).get("GroupName")));
        assertThat(groups).containsExactly("admin", "officer", "viewer");
    }

    @Test
    void everyFunction_logsToItsOwnLogGroup_thatKeepsLogsForTheRetentionParameter() {
        Set<Object> groups = new TreeSet<>(java.util.Comparator.comparing(String::valueOf));
        for (var f : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            // given
            Object logGroup = map(properties(f.getValue()).get("LoggingConfig")).get("LogGroup");

            // then
            assertThat(logGroup).as("LoggingConfig.LogGroup of %s", f.getKey()).isInstanceOf(Map.class);
            String group = (String) map(logGroup).get("Ref");
            assertThat(resource(group)).containsEntry("Type", "AWS::Logs::LogGroup");
            assertThat(properties(resource(group))).containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionDays"));
            assertThat(groups.add(group)).as("%s shares its log group", f.getKey()).isTrue();
        }
    }

    @Test
    void everyFunction_andEveryDeadLetterQueue_hasAnAlarm_thatTellsTheOperatorsTopic() {
        // given
        Map<String, Map<String, Object>> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        Set<String> deadLetterQueues = new TreeSet<>();
        for (var f : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Object dlq = properties(f.getValue()).get("DeadLetterQueue");
            if (dlq != null) deadLetterQueues.add(getAttTarget(map(dlq).get("TargetArn")));
            for (Map<String, Object> e : events(f.getKey()).values()) {
                Object redrive = map(e.get("Properties")).get("RedrivePolicy");
                if (redrive != null) deadLetterQueues.add(getAttTarget(map(redrive).get("deadLetterTargetArn")));
            }
        }
        for (var q : resourcesOfType("AWS::SQS::Queue").entrySet()) {
            Object redrive = properties(q.getValue()).get("RedrivePolicy");
            if (redrive != null) deadLetterQueues.add(getAttTarget(map(redrive).get("deadLetterTargetArn")));
        }

        // then
        assertThat(alarms.values()).allSatisfy(a -> assertThat(properties(a))
                .containsEntry("AlarmActions", List.of(Map.of("Ref", "AlarmTopic"))));
        for (String function : resourcesOfType("AWS::Serverless::Function").keySet()) {
            assertThat(alarms.values()).as("Errors alarm of %s", function).anySatisfy(a -> assertThat(properties(a))
                    .containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Errors")
                    .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function)))));
        }
        assertThat(deadLetterQueues).contains("SmsInboundDeadLetterQueue");
        for (String queue : deadLetterQueues) {
            assertThat(alarms.values()).as("alarm on dead-letter queue %s", queue).anySatisfy(a -> assertThat(properties(a))
                    .containsEntry("Namespace", "AWS/SQS").containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                    .containsEntry("Threshold", 1)
                    .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                            "Value", Map.of("Fn::GetAtt", List.of(queue, "QueueName"))))));
        }
        assertThat(properties(resource("OperatorEmailSubscription"))).containsEntry("TopicArn", Map.of("Ref", "AlarmTopic"))
                .containsEntry("Protocol", "email").containsEntry("Endpoint", Map.of("Ref", "OperatorEmail"));
        // an alarm nobody reads is a silent failure: the operator's address is required, and always subscribed
        assertThat(resource("OperatorEmailSubscription")).doesNotContainKey("Condition");
        assertThat(map(map(template.get("Parameters")).get("OperatorEmail"))).doesNotContainKey("Default");
    }

    @Test
    void lateEscalations_andFailedSms_raiseAlarms_fedFromEveryFunction() {
        // given
        Map<String, Object> late = properties(resource("EscalationLateAlarm"));
        Map<String, Object> sms = properties(resource("SmsFailuresAlarm"));
        Map<String, Map<String, Object>> filters = resourcesOfType("AWS::Logs::MetricFilter");

        // then: lateness as the escalation code emits it (EMF, namespace huzhu, its own function name)
        assertThat(late).containsEntry("Namespace", "huzhu").containsEntry("MetricName", "EscalationLatenessMs")
                .containsEntry("Threshold", Map.of("Ref", "EscalationLatenessAlarmMs"))
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", Map.of("Ref", "EscalationFunction"))));
        // and: every function's log group counts its failed sends into the metric the SMS alarm watches
        Set<Object> filtered = new java.util.HashSet<>();
        for (Map<String, Object> f : filters.values()) {
            Map<String, Object> t = map(list(properties(f).get("MetricTransformations")).get(0));
            if (!t.get("MetricName").equals(sms.get("MetricName"))) continue;
            assertThat(t.get("MetricNamespace")).isEqualTo(sms.get("Namespace"));
            assertThat((String) properties(f).get("FilterPattern")).contains("$.action = \"sms.send\"",
                    "$.outcome = \"failed\"");
            filtered.add(properties(f).get("LogGroupName"));
        }
        for (var f : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            assertThat(filtered).as("SMS failure filter on the log group of %s", f.getKey())
                    .contains(map(properties(f.getValue()).get("LoggingConfig")).get("LogGroup"));
        }
    }

    @Test
    void theDailySmsCeiling_raisesAnAlarm_fedFromEveryFunction_andTheLimitsAreParameters() {
        // given
        Map<String, Object> alarm = properties(resource("SmsCeilingAlarm"));
        Map<String, Map<String, Object>> filters = resourcesOfType("AWS::Logs::MetricFilter");
        Map<String, Object> globalEnv = sam.globalEnvironment();

        // then: each function's log group counts the SMS the ceiling held back into the metric the alarm watches
        Set<Object> filtered = new java.util.HashSet<>();
        for (Map<String, Object> f : filters.values()) {
            Map<String, Object> t = map(list(properties(f).get("MetricTransformations")).get(0));
            if (!t.get("MetricName").equals(alarm.get("MetricName"))) continue;
            assertThat(t.get("MetricNamespace")).isEqualTo(alarm.get("Namespace"));
            assertThat((String) properties(f).get("FilterPattern")).contains("$.action = \"sms.ceiling\"");
            filtered.add(properties(f).get("LogGroupName"));
        }
        for (var f : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            assertThat(filtered).as("SMS ceiling filter on the log group of %s", f.getKey())
                    .contains(map(properties(f.getValue()).get("LoggingConfig")).get("LogGroup"));
        }
        assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
        // and: every limit is a parameter, passed to every function
        Map<String, String> limits = Map.of("HUZHU_DAILY_SMS_LIMIT", "DailySmsLimit", "HUZHU_RELAY_CAP", "RelayCap",
                "HUZHU_UNVERIFIED_RELAY_CAP", "UnverifiedRelayCap", "HUZHU_UNVERIFIED_PER_HOUR", "UnverifiedPerHour",
                "HUZHU_OPT_OUT_REPLIES_PER_DAY", "OptOutRepliesPerDay");
        for (var l : limits.entrySet()) {
            assertThat(globalEnv.get(l.getKey())).as(l.getKey()).isEqualTo(Map.of("Ref", l.getValue()));
            assertThat(map(template.get("Parameters"))).containsKey(l.getValue());
        }
    }

    @Test
    void functions_holdOnlyThisTemplatesPolicies_andTouchOnlyTheTableAndItsIndexes() {
        // given
        Set<String> managedPolicies = resourcesOfType("AWS::IAM::ManagedPolicy").keySet();
        Map<String, Object> data = map(properties(resource("DataAccessPolicy")).get("PolicyDocument"));

        // then: no SAM policy template (DynamoDBCrudPolicy would grant Scan and table management)
        for (var f : resourcesOfType("AWS::Serverless::Function").entrySet()) {
            for (Object p : list(properties(f.getValue()).get("Policies"))) {
                assertThat(p).as("policy of %s", f.getKey()).isInstanceOf(Map.class);
                // a policy only some stacks need comes as !If [condition, !Ref policy, !Ref AWS::NoValue]
                Object conditional = map(p).get("Fn::If");
                if (conditional != null) {
                    assertThat(list(conditional).get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
                    p = list(conditional).get(1);
                }
                assertThat(managedPolicies).as("policy of %s", f.getKey()).contains((String) map(p).get("Ref"));
            }
        }
        for (Object o : list(data.get("Statement"))) {
            Map<String, Object> statement = map(o);
            List<Object> resources = statement.get("Resource") instanceof List<?> l ? new ArrayList<>(l)
                    : List.of(statement.get("Resource"));
            assertThat(resources).allSatisfy(r -> assertThat(String.valueOf(r)).contains("Table").contains("Arn"));
            List<Object> actions = statement.get("Action") instanceof List<?> l ? new ArrayList<>(l)
                    : List.of(statement.get("Action"));
            assertThat(actions).allSatisfy(a -> assertThat((String) a).startsWith("dynamodb:")
                    .isNotIn("dynamodb:Scan", "dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:CreateTable"));
        }
    }

    @Test
    void inboundSms_thatSnsCannotDeliver_goesToADeadLetterQueue_thatOnlyThisTopicMayFill() {
        // given
        Map<String, Object> sms = map(events("SmsInboundFunction").get("InboundSms").get("Properties"));
        Map<String, Object> policy = map(list(map(properties(resource("SmsInboundDeadLetterQueuePolicy"))
                .get("PolicyDocument")).get("Statement")).get(0));

        // then
        assertThat(map(sms.get("RedrivePolicy"))).containsEntry("deadLetterTargetArn",
                Map.of("Fn::GetAtt", List.of("SmsInboundDeadLetterQueue", "Arn")));
        assertThat(policy).containsEntry("Principal", Map.of("Service", "sns.amazonaws.com"))
                .containsEntry("Action", "sqs:SendMessage")
                .containsEntry("Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", Map.of("Ref", "InboundSmsTopic"))));
        assertThat(map(properties(resource("SmsInboundFunction")).get("DeadLetterQueue")))
                .containsEntry("TargetArn", Map.of("Fn::GetAtt", List.of("SmsInboundDeadLetterQueue", "Arn")));
    }

    @Test
    void consoleHostedSignIn_existsOnlyWithAPublicBaseUrl_andNeverPointsBackAtTheApi() {
        // given
        Map<String, Object> client = properties(resource("UserPoolClient"));

        // then: the client's callback comes from the parameter; a reference to HttpApi would be a cycle
        // (HttpApi's authorizer names this client as its audience)
        assertThat(resource("UserPoolDomain")).containsEntry("Condition", "HasPublicBaseUrl");
        assertThat(String.valueOf(client)).doesNotContain("HttpApi").contains("PublicBaseUrl");
        assertThat(client).containsEntry("GenerateSecret", false);
        assertThat(list(client.get("ExplicitAuthFlows"))).contains("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(resource("UserPool")).containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(template.get("Resources")).forEach((k, v) -> out.put(k, map(v)));
        return out;
    }

    private static Map<String, Object> resource(String logicalId) {
        Map<String, Object> r = resources().get(logicalId);
        assertThat(r).as("resource %s", logicalId).isNotNull();
        return r;
    }

    private static Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        resources().forEach((k, v) -> {
            if (type.equals(v.get("Type"))) out.put(k, v);
        });
        return out;
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return resource.get("Properties") == null ? Map.of() : map(resource.get("Properties"));
    }

    private static Map<String, Map<String, Object>> events(String function) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Object events = properties(resource(function)).get("Events");
        if (events != null) map(events).forEach((k, v) -> out.put(k, map(v)));
        return out;
    }

    /** One HttpApi event: the function it invokes and the event's properties. */
    private record Route(String function, Map<String, Object> properties) {
    }

    /** "METHOD /path" → its route; fails if two events declare the same one. */
    private static Map<String, Route> routes() {
        Map<String, Route> out = new TreeMap<>();
        for (String function : resourcesOfType("AWS::Serverless::Function").keySet()) {
            for (Map<String, Object> e : events(function).values()) {
                if (!"HttpApi".equals(e.get("Type"))) continue;
                Map<String, Object> p = map(e.get("Properties"));
                assertThat(p).containsEntry("ApiId", Map.of("Ref", "HttpApi"));
                String key = String.valueOf(p.get("Method")).toUpperCase() + " " + p.get("Path");
                assertThat(out).as("route %s declared twice", key).doesNotContainKey(key);
                out.put(key, new Route(function, p));
            }
        }
        return out;
    }

    /** The module itself and every huzhu module its pom depends on (huzhu-core → functions/core…). */
    private static List<Path> modulesOf(Path module) throws IOException {
        List<Path> out = new ArrayList<>(List.of(module));
        Matcher m = Pattern.compile("<artifactId>huzhu-([a-z-]+)</artifactId>")
                .matcher(Files.readString(module.resolve("pom.xml")));
        while (m.find()) {
            Path dep = root.resolve("functions/" + m.group(1));
            if (Files.isDirectory(dep) && !out.contains(dep)) out.add(dep);
        }
        return out;
    }

    private static Set<String> huzhuVariables(Path sources) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(sources)) return out;
        Pattern literal = Pattern.compile("\"(HUZHU_[A-Z0-9_]+)\"");
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    Matcher m = literal.matcher(Files.readString(p));
                    while (m.find()) out.add(m.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code !GetAtt Queue.Arn} → "Queue". */
    private static String getAttTarget(Object getAtt) {
        return (String) list(map(getAtt).get("Fn::GetAtt")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }
}
