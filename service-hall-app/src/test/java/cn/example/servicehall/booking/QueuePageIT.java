package cn.example.servicehall.booking;

import static cn.example.servicehall.booking.BookingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.SignedIn;

/** 叫号台: the counter's page gives walk-in numbers, calls the next one to its window and says what it did. */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class QueuePageIT {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClientRegistrationRepository registrations;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aClerkGivesANumberAndCallsItToTheirWindow() throws Exception {
		at("2026-03-16T09:00");
		OidcLoginRequestPostProcessor clerk = SignedIn.as(this.registrations, "clerk1", "李", "四",
				Groups.HPF_ACCEPTANCE_CLERK);

		HtmlPage empty = HtmlPage.parse(page(get("/hall/queue?branch=HQ&window=2").with(clerk), 200));
		assertThat(empty.get("#call-next").text()).contains("2 号窗口");
		// window 2 of the hall serves walk-ins; 6 to 8 sign appointments
		assertThat(empty.get("#queue-window-kind").text()).contains("只叫现场号").contains("6、7、8");
		assertThat(HtmlPage.parse(page(get("/hall/queue?branch=HQ&window=7").with(clerk), 200)).get("#queue-window-kind")
			.text()).contains("先叫预约号");
		// opened without a window: the branch's first signing window
		assertThat(HtmlPage.parse(page(get("/hall/queue?branch=HQ").with(clerk), 200)).get("#call-next").text())
			.contains("6 号窗口");
		assertThat(empty.get("#call-next").attr("accesskey")).isEqualTo("n");
		assertThat(empty.get("#queue-screen-link").attr("href")).isEqualTo("/hall/screen?branch=HQ");

		MvcResult drawn = this.mvc.perform(post("/hall/queue/walk-in").param("branch", "HQ").param("window", "2")
			.with(clerk).with(csrf())).andReturn();
		assertThat(drawn.getResponse().getRedirectedUrl()).isEqualTo("/hall/queue?branch=HQ&window=2");
		assertThat(drawn.getFlashMap().get("drawn")).isEqualTo("W001");
		assertThat(HtmlPage.parse(page(get("/hall/queue?branch=HQ&window=2").with(clerk), 200)).texts("#waiting-numbers li"))
			.containsExactly("W001");

		MvcResult called = this.mvc.perform(post("/hall/queue/call").param("branch", "HQ").param("window", "2")
			.with(clerk).with(csrf())).andReturn();
		assertThat(called.getFlashMap().get("called")).isEqualTo("W001");
		HtmlPage after = HtmlPage.parse(page(get("/hall/queue?branch=HQ&window=2").with(clerk), 200));
		assertThat(after.texts("#waiting-numbers li")).isEmpty();
		assertThat(after.get("#recent-calls").rows()).anySatisfy(row -> assertThat(row).contains("W001", "2"));

		MvcResult unknown = this.mvc.perform(post("/hall/queue/check-in").param("branch", "HQ").param("window", "2")
			.param("caseNo", "DK2026031699999").with(clerk).with(csrf())).andReturn();
		assertThat((String) unknown.getFlashMap().get("flashProblem")).contains("DK2026031699999");

		// only the counters' staff
		OidcLoginRequestPostProcessor agent = SignedIn.developerAgent(this.registrations, "agent-a",
				BookingFixtures.COMPANY_A);
		page(get("/hall/queue?branch=HQ").with(agent), 403);
	}

	private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body;
	}

}
