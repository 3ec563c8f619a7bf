package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.creditdesk.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every page renders in both languages: its heading and the navigation in the language asked for. */
@SpringBootTest
@AutoConfigureMockMvc
class ChinesePagesTests {

    @Autowired
    MockMvcTester mvc;

    /** page → {English heading, Chinese heading}. */
    private static final Map<String, String[]> PAGES = Map.ofEntries(
            Map.entry("/customers", new String[] {"Customers", "客户"}),
            Map.entry("/credit/blocked-orders", new String[] {"Blocked orders", "被拦截订单"}),
            Map.entry("/credit/limit-requests", new String[] {"Credit limit requests", "信用额度申请"}),
            Map.entry("/settings/credit-policy", new String[] {"Credit policy", "信用政策"}),
            Map.entry("/settings/authority", new String[] {"Authority matrix", "审批权限矩阵"}),
            Map.entry("/monitoring/escalations", new String[] {"Escalation board", "逾期升级看板"}),
            Map.entry("/monitoring/my-escalations", new String[] {"My escalations", "我的升级任务"}),
            Map.entry("/monitoring/aging", new String[] {"Aging of receivables", "应收账款账龄"}),
            Map.entry("/monitoring/staffing", new String[] {"Staffing and workload", "人员配置与工作量"}),
            Map.entry("/monitoring/legal-cases", new String[] {"Legal cases", "法务案件"}),
            Map.entry("/monitoring/daily-runs", new String[] {"Daily runs", "日终批处理"}),
            Map.entry("/risk", new String[] {"Portfolio risk", "组合风险"}),
            Map.entry("/risk/scorecards", new String[] {"Scorecards", "评分卡"}));

    static java.util.stream.Stream<Arguments> pagesInBothLanguages() {
        return PAGES.entrySet().stream()
                .flatMap(page -> java.util.stream.Stream.of(
                        Arguments.of(page.getKey(), "en", page.getValue()[0], page.getValue()[1], "Log out"),
                        Arguments.of(page.getKey(), "zh-CN", page.getValue()[1], page.getValue()[0], "退出登录")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesInBothLanguages")
    void every_page_speaks_the_language_asked_for(
            String uri, String language, String heading, String otherHeading, String logout) throws Exception {
        MvcTestResult result = mvc.get()
                .uri(uri)
                .with(TestUsers.admin())
                .header("Accept-Language", language)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>" + heading + "</h1>", logout).doesNotContain("<h1>" + otherHeading + "</h1>");
    }
}
