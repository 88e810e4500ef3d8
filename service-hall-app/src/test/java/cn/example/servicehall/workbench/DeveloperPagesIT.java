package cn.example.servicehall.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.NewHouseSales;

/** 开发企业管理 on its page, on a signed-in session: a hall manager registers and changes, an administrator reads. */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class DeveloperPagesIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Autowired
	private JdbcClient jdbc;

	@Test
	@DisplayName("大厅管理人员：登记企业（校验位不符时不保存）、楼盘与监管账户、经办人，暂停企业")
	void aHallManagerRegistersACompanyItsProjectAndAgentAndSuspendsIt() throws Exception {
		HtmlPage list = page(get("/admin/developers").with(manager()), 200);
		assertThat(list.title()).startsWith("开发企业管理");
		assertThat(list.all("#nav-developers")).hasSize(1);
		assertThat(list.get("#developers tr[data-uscc=91350100M000100Y43]").text())
			.contains("福州示例房地产开发有限公司").contains("正常").contains("滨江花园").contains("agent-a");

		String uscc = NewHouseSales.validCreditCode("91320100MA1MXY7Q");
		String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
		HtmlPage refused = page(post("/admin/developers").with(manager()).with(csrf())
			.param("uscc", wrong)
			.param("name", "南京示例置业有限公司"), 400);
		assertThat(refused.get("#developer-problem").text()).contains("统一社会信用代码校验位（最后一位）不符");
		assertThat(refused.get("#developer-uscc").value()).isEqualTo(wrong);
		assertThat(companies(wrong)).isZero();

		MvcResult registered = this.mvc.perform(post("/admin/developers").with(manager()).with(csrf())
			.param("uscc", uscc)
			.param("name", "南京示例置业有限公司")).andReturn();
		assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/admin/developers/" + uscc);

		MvcResult project = this.mvc.perform(post("/admin/developers/" + uscc + "/projects").with(manager()).with(csrf())
			.param("code", "NJ-QHY")
			.param("projectName", "秦淮苑")
			.param("district", "秦淮区")
			.param("address", "南京市秦淮区中华路 100 号")
			.param("presalePermitNo", "宁房销第202600123号")
			.param("permitIssuedOn", "2026-05-01")
			.param("permitValidUntil", "2099-04-30")
			.param("projectStatus", "ON_SALE")
			.param("escrowBank", "中国银行南京秦淮支行")
			.param("escrowAccountNo", "5300 1234 5678 9012")
			.param("escrowAccountName", "南京示例置业有限公司预售资金监管专户")).andReturn();
		assertThat(project.getResponse().getRedirectedUrl()).as(project.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("/admin/developers/" + uscc);
		this.mvc.perform(post("/admin/developers/" + uscc + "/agents").with(manager()).with(csrf()).param("username", "agent-nj"));
		this.mvc.perform(post("/admin/developers/" + uscc).with(manager()).with(csrf())
			.param("name", "南京示例置业有限公司")
			.param("status", "SUSPENDED"));

		HtmlPage company = page(get("/admin/developers/" + uscc).with(manager()), 200);
		assertThat(company.get("#company-title").text()).isEqualTo("南京示例置业有限公司");
		assertThat(company.get("#company-status").text()).isEqualTo("暂停");
		assertThat(company.get("#projects tr[data-code=NJ-QHY]").text()).contains("秦淮苑").contains("宁房销第202600123号")
			.contains("2026-05-01 ~ 2099-04-30").contains("5300123456789012").contains("在售");
		assertThat(company.texts("#agents li span")).containsExactly("agent-nj");

		HtmlPage malformed = page(post("/admin/developers/" + uscc + "/projects").with(manager()).with(csrf())
			.param("code", "NJ-QHY2")
			.param("projectName", "秦淮苑二期")
			.param("district", "秦淮区")
			.param("address", "南京市秦淮区中华路 102 号")
			.param("presalePermitNo", "宁房销第202600124号")
			.param("permitIssuedOn", "2026-05-01")
			.param("permitValidUntil", "二〇九九年")
			.param("escrowBank", "中国银行南京秦淮支行")
			.param("escrowAccountNo", "53-00")
			.param("escrowAccountName", "南京示例置业有限公司预售资金监管专户"), 400);
		assertThat(malformed.get("#developer-problem").text()).contains("有效期至应写成 2026-03-01 这样的日期");
		assertThat(malformed.get("#project-escrowAccountNo").value()).isEqualTo("53-00");
	}

	@Test
	@DisplayName("系统管理员只能查看；其他岗位打不开")
	void anAdministratorReadsAndOtherPostsAreRefused() throws Exception {
		HtmlPage read = page(get("/admin/developers/91350100M000100Y43").with(signedIn("admin1", "system-admin")), 200);
		assertThat(read.all("#developers-read-only")).hasSize(1);
		assertThat(read.all("#company-form")).isEmpty();
		assertThat(read.get("#projects tr[data-code=FZ-BJHY]").text()).contains("榕房许字（2026）第018号");
		page(post("/admin/developers").with(signedIn("admin1", "system-admin")).with(csrf())
			.param("uscc", NewHouseSales.validCreditCode("91330100MA2GXY3K"))
			.param("name", "杭州示例有限公司"), 403);
		page(get("/admin/developers").with(signedIn("clerk1", "hpf-acceptance-clerk")), 403);
	}

	private long companies(String uscc) {
		return this.jdbc.sql("select count(*) from developer_company where uscc = ?").param(uscc).query(Long.class).single();
	}

	private HtmlPage page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return HtmlPage.parse(body);
	}


	private OidcLoginRequestPostProcessor manager() {
		return signedIn("manager1", "hall-manager");
	}

	private OidcLoginRequestPostProcessor signedIn(String username, String... groups) {
		return oidcLogin().clientRegistration(this.registrations.findByRegistrationId("keycloak"))
			.idToken(token -> token.subject(username)
				.claim("preferred_username", username)
				.claim("family_name", "吴")
				.claim("given_name", "卫东")
				.claim("groups", Arrays.asList(groups)))
			.userInfoToken(info -> info.claim("preferred_username", username))
			.authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toArray(SimpleGrantedAuthority[]::new));
	}

}
