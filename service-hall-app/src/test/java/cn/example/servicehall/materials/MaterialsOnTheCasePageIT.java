package cn.example.servicehall.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.support.HtmlPage;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.SignedIn;
import cn.example.servicehall.support.TestTokens;

/** The clerk sees the case's materials beside its checklist: each item with its uploads, the missing ones marked. */
@ServiceHallIntegrationTest
@AutoConfigureMockMvc
class MaterialsOnTheCasePageIT {

	private static final String CLERK = "clerk1";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ClientRegistrationRepository registrations;

	@Test
	void theCasePageListsEachChecklistItemWithItsUploadsAndMarksTheMissingOnes() throws Exception {
		String caseNo = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		byte[] contract = MaterialUploadsIT.pdf(2);
		upload(caseNo, "PURCHASE_CONTRACT", "网签合同.pdf", contract);
		upload(caseNo, "BORROWER_ID", "身份证正面.jpg", MaterialUploadsIT.image("jpg", 1000, 630));

		MockHttpServletResponse response = this.mvc.perform(get("/cases/" + caseNo).with(clerk())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		HtmlPage page = HtmlPage.parse(response.getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.get("#materials-title").text()).contains("申请材料");
		assertThat(page.all("#material-list tbody").stream().map(b -> b.attr("data-material")))
						.as("the checklist of a resale loan with a co-borrower, in order")
			.startsWith("BORROWER_ID", "CO_BORROWER_ID", "MARITAL_PROOF", "INCOME_PROOF", "PURCHASE_CONTRACT");
		HtmlPage.Node id = page.get("#material-list tbody[data-material=BORROWER_ID]");
		assertThat(id.text()).contains("借款人居民身份证").contains("身份证正面.jpg").contains("JPEG").contains("1000 × 630")
			.contains("clerk1");
		HtmlPage.Node purchase = page.get("#material-list tbody[data-material=PURCHASE_CONTRACT]");
		assertThat(purchase.text()).contains("网签合同.pdf").contains("PDF").contains("2 页");
		HtmlPage.Node income = page.get("#material-list tbody[data-material=INCOME_PROOF]");
		assertThat(income.first("[data-missing=true]")).isPresent();
		assertThat(income.text()).contains("未上传");
		assertThat(page.get("#materials-missing").text()).contains("8");

		// the link downloads the file as kept, as an attachment
		String href = purchase.get("a.material-download").attr("href");
		MockHttpServletResponse download = this.mvc.perform(get(href).with(clerk())).andReturn().getResponse();
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getContentAsByteArray()).isEqualTo(contract);
		assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
		assertThat(download.getHeader("Content-Security-Policy")).contains("sandbox");
	}

	private void upload(String caseNo, String material, String fileName, byte[] content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(TestTokens.user(CLERK, "hpf-acceptance-clerk"));
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.set("Idempotency-Key", UUID.randomUUID().toString());
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		ResponseEntity<Map<String, Object>> created = this.http.exchange(
				"/api/cases/" + caseNo + "/materials/" + material, HttpMethod.POST, new HttpEntity<>(body, headers),
				new ParameterizedTypeReference<>() {
				});
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private OidcLoginRequestPostProcessor clerk() {
		return SignedIn.as(this.registrations, CLERK, "王", "晓明", "hpf-acceptance-clerk");
	}

}
