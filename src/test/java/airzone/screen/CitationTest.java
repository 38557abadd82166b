package airzone.screen;

import airzone.layer.Feature;
import airzone.rules.RuleBook;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding's citation as the contract writes it: the clause's words when the book has them, none otherwise. */
class CitationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScreeningContext ctx = new ScreeningContext(null, null, new Citations(RuleBook.load()), null, null, JSON.createObjectNode());

    @Test
    void aRuleCitationCarriesItsMainClausesWords() {
        ObjectNode c = ctx.ruleCitation("border-consultation").json();
        assertThat(c.get("document").asText()).isEqualTo("001_ef308584dc4f70ff.txt");
        assertThat(c.get("clause").asText()).isEqualTo("（二十一）");
        assertThat(c.get("title").asText()).isEqualTo("赤峰市空气质量持续改善行动实施方案（征求意见稿）");
        assertThat(c.get("text_zh").asText()).contains("对省界两侧20公里内的涉气重点行业新建项目");
        assertThat(c.get("summary_en").asText()).contains("20 km");
    }

    @Test
    void aDrawnZoneCitingAClauseTheBookHasNoWordsFor_getsACitationWithoutThem() {
        ObjectNode properties = JSON.createObjectNode().put("name", "新划区").put("document", "003_6d6744aea8a4c578.txt").put("clause", "第99条");
        ObjectNode c = ctx.zoneCitation(new Feature("z1", properties, null, 1), "ban-zone-class").json();
        assertThat(c.get("document").asText()).isEqualTo("003_6d6744aea8a4c578.txt");
        assertThat(c.get("clause").asText()).isEqualTo("第99条");
        assertThat(c.get("title").asText()).isEqualTo("锦州市打赢蓝天保卫战三年行动方案（2018—2020年）");
        assertThat(c.has("text_zh")).isFalse();
        assertThat(c.has("summary_en")).isFalse();
        // the sample zones' own clause, typed with ASCII parentheses, is found
        properties.put("document", "000_dbaa7cefc8c1cc82.txt").put("clause", "二(二)");
        assertThat(ctx.zoneCitation(new Feature("z2", properties, null, 1), "ban-zone-class").json().get("text_zh").asText())
                .startsWith("规划地域范围为秦皇岛市所有下辖区县");
    }
}
