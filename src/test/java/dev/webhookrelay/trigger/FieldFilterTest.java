package dev.webhookrelay.trigger;

import static dev.webhookrelay.trigger.Fixtures.artifactEvent;
import static dev.webhookrelay.trigger.Fixtures.automation;
import static dev.webhookrelay.trigger.Fixtures.sdkFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.webhookrelay.model.EventType;

/** Field expressions of artifact events: every operator over alias and tag, nested, as the SDK emits them. */
class FieldFilterTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @ParameterizedTest(name = "{0} on alias={1} tag={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # condition under the SDK's $or/$and             | alias      | tag    | skip reason (empty: fires)
            # equality, implicit and explicit
            {"alias":{"$eq":"production"}}                    | production |        |
            {"alias":{"$eq":"production"}}                    | staging    |        | alias 'staging' does not equal 'production'
            {"alias":"production"}                            | production |        |
            {"alias":{"$ne":"production"}}                    | staging    |        |
            {"alias":{"$ne":"production"}}                    | production |        | alias 'production' equals 'production'
            {"tag":{"$eq":"europe"}}                          |            | europe |
            {"tag":{"$eq":"europe"}}                          |            | asia   | tag 'asia' does not equal 'europe'
            # order, by code point
            {"alias":{"$gt":"v1"}}                            | v2         |        |
            {"alias":{"$gt":"v2"}}                            | v2         |        | alias 'v2' is not > 'v2'
            {"alias":{"$gte":"v2"}}                           | v2         |        |
            {"alias":{"$lt":"v2"}}                            | v10        |        |
            {"alias":{"$lte":"v1"}}                           | v2         |        | alias 'v2' is not <= 'v1'
            {"alias":{"$gte":"a","$lt":"m"}}                  | latest     |        |
            {"alias":{"$gte":"a","$lt":"m"}}                  | production |        | alias 'production' is not < 'm'
            # sets
            {"alias":{"$in":["production","staging"]}}        | staging    |        |
            {"alias":{"$in":["production","staging"]}}        | latest     |        | alias 'latest' is not in ['production', 'staging']
            {"alias":{"$nin":["production","staging"]}}       | latest     |        |
            {"alias":{"$nin":["production","staging"]}}       | staging    |        | alias 'staging' is in ['production', 'staging']
            # regex: a search, like re.search and MongoDB
            {"alias":{"$regex":"^prod.*"}}                    | production |        |
            {"alias":{"$regex":"^prod.*"}}                    | staging    |        | alias 'staging' does not match ^prod.*
            {"alias":{"$regex":"prod"}}                       | preprod    |        |
            {"alias":{"$regex":"^prod$"}}                     | production |        | alias 'production' does not match ^prod$
            {"alias":{"$regex":"(?i)^PROD"}}                  | production |        |
            # contains and exists
            {"tag":{"$contains":"euro"}}                      |            | europe |
            {"tag":{"$contains":"asia"}}                      |            | europe | tag 'europe' does not contain 'asia'
            {"tag":{"$exists":true}}                          |            | europe |
            {"tag":{"$exists":true}}                          | production |        | tag is absent
            {"tag":{"$exists":false}}                         | production |        |
            {"tag":{"$exists":false}}                         |            | europe | tag 'europe' is present
            # an absent field: equal only to null, in no order, never matching
            {"alias":{"$eq":"production"}}                    |            | europe | alias (absent) does not equal 'production'
            {"alias":{"$eq":null}}                            |            | europe |
            {"alias":{"$ne":"production"}}                    |            | europe |
            {"alias":{"$gt":""}}                              |            | europe | alias (absent) is not > ''
            {"alias":{"$regex":".*"}}                         |            | europe | alias (absent) does not match .*
            {"alias":{"$in":["production",null]}}             |            | europe |
            {"alias":{"$nin":["production"]}}                 |            | europe |
            {"alias":{"$contains":""}}                        |            | europe | alias (absent) does not contain ''
            # negation, field level and expression level (the SDK's ~expr)
            {"alias":{"$not":{"$regex":"^prod"}}}             | staging    |        |
            {"alias":{"$not":{"$regex":"^prod"}}}             | production |        | $not excludes it: alias 'production' matches ^prod
            {"$not":{"alias":{"$eq":"staging"}}}              | production |        |
            {"$not":{"alias":{"$eq":"staging"}}}              | staging    |        | $not excludes it: alias 'staging' equals 'staging'
            # nesting: several conditions, $and, $or, $nor
            {"alias":{"$eq":"production"},"tag":{"$eq":"eu"}} | production | eu     |
            {"alias":{"$eq":"production"},"tag":{"$eq":"eu"}} | production | us     | tag 'us' does not equal 'eu'
            {"$or":[{"alias":"a"},{"alias":"b"}]}             | b          |        |
            {"$or":[{"alias":"a"},{"alias":"b"}]}             | c          |        | none of 2 alternatives holds: alias 'c' does not equal 'a'; alias 'c' does not equal 'b'
            {"$nor":[{"alias":"a"},{"alias":"b"}]}            | c          |        |
            {"$nor":[{"alias":"a"},{"alias":"b"}]}            | b          |        | $nor excludes it: alias 'b' equals 'b'
            {"$and":[{"alias":{"$regex":"^p"}},{"$or":[{"tag":"eu"},{"$not":{"tag":{"$exists":true}}}]}]} | production | | 
            {"$and":[{"alias":{"$regex":"^p"}},{"$or":[{"tag":"eu"},{"$not":{"tag":{"$exists":true}}}]}]} | production | us | none of 2 alternatives holds: tag 'us' does not equal 'eu'; $not excludes it: tag 'us' is present
            {"$not":{"$and":[{"alias":"a"},{"tag":"t"}]}}     | a          | t      | $not excludes it: alias 'a' equals 'a' and tag 't' equals 't'
            # odd but accepted: empty $or never holds, empty $and and $nor always hold
            {"$or":[]}                                        | production |        | $or has no conditions, so it never holds
            {"$and":[]}                                       | production |        |
            {"$nor":[]}                                       | production |        |
            """)
    void fieldConditionsDecideAndExplain(String condition, String alias, String tag, String reason) {
        Verdict verdict = evaluator.evaluate(artifactEvent(EventType.ADD_ARTIFACT_ALIAS, alias, tag),
                automation(EventType.ADD_ARTIFACT_ALIAS, sdkFilter(condition)));

        assertThat(verdict).isEqualTo(reason == null ? Verdict.fire() : Verdict.skip(reason));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "LINK_ARTIFACT", "UNLINK_ARTIFACT", "ADD_ARTIFACT_ALIAS",
            "CREATE_ARTIFACT", "ADD_ARTIFACT_TAG", "REMOVE_ARTIFACT_TAG", "ADD_COLLECTION_TAG", "REMOVE_COLLECTION_TAG" })
    void everyArtifactEventFiltersOnAliasAndTag(EventType type) {
        String filter = sdkFilter("{\"alias\":{\"$regex\":\"^prod\"}},{\"tag\":{\"$in\":[\"eu\",\"us\"]}}");

        assertThat(evaluator.evaluate(artifactEvent(type, "production", "eu"), automation(type, filter)))
                .isEqualTo(Verdict.fire());
        assertThat(evaluator.evaluate(artifactEvent(type, "production", "asia"), automation(type, filter)))
                .isEqualTo(Verdict.skip("tag 'asia' is not in ['eu', 'us']"));
    }

    @Test
    void longValuesAreShortenedInReasons() {
        String alias = "x".repeat(200);

        Verdict verdict = evaluator.evaluate(Fixtures.aliasEvent(alias),
                automation(EventType.ADD_ARTIFACT_ALIAS, sdkFilter("{\"alias\":\"production\"}")));

        assertThat(verdict.reason()).isEqualTo("alias '" + "x".repeat(77) + "...' does not equal 'production'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # condition under the SDK's $or/$and       | message
            # unknown operators, at every level
            {"alias":{"$like":"prod%"}}                 | Unknown operator $like at $or[0].$and[0].alias.$like; expected one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $regex, $contains, $exists, $not
            {"$where":"this.alias == 1"}                | Unknown operator $where at $or[0].$and[0].$where; expected $and, $or, $nor, $not or a field
            {"alias":{"$regex":"^p","$options":"i"}}    | Unknown operator $options at $or[0].$and[0].alias.$options; expected one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $regex, $contains, $exists, $not
            {"alias":{"$and":[{"$eq":"a"}]}}            | Unknown operator $and at $or[0].$and[0].alias.$and; expected one of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $regex, $contains, $exists, $not
            # unknown fields, and run fields on artifact events
            {"aliases":{"$eq":"prod"}}                  | Unknown field 'aliases' at $or[0].$and[0].aliases; ADD_ARTIFACT_ALIAS filters may name alias and tag
            {"display_name":{"$regex":"^exp"}}          | Unknown field 'display_name' at $or[0].$and[0].display_name; ADD_ARTIFACT_ALIAS filters may name alias and tag
            # operands: strings for strings, arrays for sets, booleans for $exists
            {"alias":{"$eq":5}}                         | Expected a string at $or[0].$and[0].alias.$eq, got 5
            {"alias":{"$gt":null}}                      | Expected a string at $or[0].$and[0].alias.$gt, got null
            {"alias":{"$regex":true}}                   | Expected a string at $or[0].$and[0].alias.$regex, got true
            {"alias":{"$in":"prod"}}                    | Expected an array of strings at $or[0].$and[0].alias.$in, got a string
            {"alias":{"$in":["prod",1]}}                | Expected a string at $or[0].$and[0].alias.$in[1], got 1
            {"alias":{"$exists":1}}                     | Expected true or false at $or[0].$and[0].alias.$exists, got 1
            {"alias":{"$not":"prod"}}                   | Expected a string or an object of operators at $or[0].$and[0].alias.$not, got a string
            {"alias":7}                                 | Expected a string or an object of operators at $or[0].$and[0].alias, got 7
            {"alias":{}}                                | No operator at $or[0].$and[0].alias
            # logical operators need their shapes
            {"$and":{"alias":"a"}}                      | Expected an array at $or[0].$and[0].$and, got an object
            {"$or":["alias"]}                           | Expected an object at $or[0].$and[0].$or[0], got a string
            {"$not":[{"alias":"a"}]}                    | Expected an object at $or[0].$and[0].$not, got an array
            # regexes must compile
            {"alias":{"$regex":"(prod"}}                | Invalid $regex at $or[0].$and[0].alias.$regex: Unclosed group near index 5 of (prod
            """)
    void badConditionsAreRejectedNamingTheProblem(String condition, String message) {
        assertThatThrownBy(() -> evaluator.evaluate(Fixtures.aliasEvent("production"),
                automation(EventType.ADD_ARTIFACT_ALIAS, sdkFilter(condition))))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage(message);
    }
}
