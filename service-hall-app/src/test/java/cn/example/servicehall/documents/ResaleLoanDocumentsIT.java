package cn.example.servicehall.documents;

import static cn.example.servicehall.support.LoanFixtures.allMaterials;
import static cn.example.servicehall.support.LoanFixtures.newResaleApplication;
import static cn.example.servicehall.support.LoanFixtures.resaleApplication;
import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static cn.example.servicehall.support.LoanFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseReceipts;
import cn.example.servicehall.loan.LoanDocuments;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.NewHouseSales;
import cn.example.servicehall.support.TestTokens;

/**
 * The documents of a resale-loan case, end to end: each issued by its step as a signed PDF, read back with the real
 * poppler tools, downloadable by the case's staff and by nobody else, every download audited; tampering with a byte
 * caught by {@code pdfsig} and by the public verification page. Names beyond GB2312, and a document that cannot be
 * generated: {@link RareNamesIT}.
 */
@ServiceHallIntegrationTest
class ResaleLoanDocumentsIT {

	static final String VALID = "  - Signature Validation: Signature is Valid.";

	static final String TRUSTED = "  - Certificate Validation: Certificate is Trusted.";

	static final String FUND_CENTRE = "焦作市住房公积金管理中心";

	static final String BANK = "中国建设银行焦作分行";

	/** The demo realm's staff: login, then family and given name. */
	static final Map<String, String[]> STAFF = Map.of("clerk1", new String[] { "王", "晓明" }, "reviewer1",
			new String[] { "张", "建国" }, "approver1", new String[] { "刘", "志强" }, "bank1", new String[] { "陈", "海燕" },
			"registry1", new String[] { "杨", "秀英" }, "guarantor1", new String[] { "赵", "国栋" });

	static final Pattern FONT_LINE = Pattern
		.compile("^([A-Z]{6})\\+(\\S+)\\s+(.+?)\\s+(\\S+)\\s+(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private LoanDocuments loanDocuments;

	@Autowired
	private CaseReceipts receipts;

	@Autowired
	private Documents documents;

	@TempDir
	Path work;

	@Test
	void aResaleCaseLeavesItsSignedDocumentsReadableAndTrusted() throws Exception {
		LoanFixtures.Couple couple = LoanFixtures.newCouple();
		String caseNo = completedCase(resaleApplication(couple, LoanFixtures.newFlat(LoanFixtures.Flat.BUILT_2008)));

		List<Map<String, Object>> listed = staff("bank1", "bank-loan-officer").getList(documentsOf(caseNo)).getBody();
		assertThat(listed).extracting(d -> d.get("kind"))
			.containsExactly("MISSING_MATERIALS_NOTICE", "ACCEPTANCE_RECEIPT", "LOAN_CONTRACT", "IOU",
					"DISBURSEMENT_NOTICE", "COMPLETION_RECEIPT");
		assertThat(listed).extracting(d -> d.get("issuer"))
			.containsExactly("HPF", "HPF", "HPF", "BANK", "BANK", "HPF");
		String noticeNo = row("select notice_no from intake_missing_materials_notice where case_no = ?", caseNo);
		String contractNo = row("select contract_no from loan_contract where case_no = ?", caseNo);
		String iouNo = row("select iou_no from loan_iou where case_no = ?", caseNo);
		assertThat(listed).extracting(d -> d.get("documentNo")).contains(noticeNo, contractNo, iouNo);
		assertThat(listed).allSatisfy(d -> assertThat((String) d.get("verification"))
			.endsWith("/verify/" + d.get("documentNo")));

		Path nss = PdfTools.nssDatabase(Files.createDirectories(this.work.resolve("nss")),
				Path.of("target/test-keys/dev-ca.pem"));
		for (Map<String, Object> listing : listed) {
			String no = (String) listing.get("documentNo");
			ResponseEntity<byte[]> pdf = download(TestTokens.user("bank1", "bank-loan-officer"), caseNo, no);
			assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
			assertThat(Documents.sha256(pdf.getBody())).isEqualTo(listing.get("sha256"));
			Path file = PdfTools.write(this.work, no + ".pdf", pdf.getBody());

			PdfTools.ToolResult signature = PdfTools.pdfsig(file, "-nssdir", "sql:" + nss);
			assertThat(signature.output().lines()).as(no + ": " + signature.output()).contains(VALID, TRUSTED);
			for (String font : PdfTools.fonts(file)) {
				Matcher line = FONT_LINE.matcher(font);
				assertThat(line.matches()).as("%s: an embedded subset font: %s", no, font).isTrue();
				assertThat(line.group(5) + "/" + line.group(6)).as("emb/sub of %s in %s", font, no).isEqualTo("yes/yes");
			}
		}

		String notice = text(caseNo, noticeNo);
		assertThat(notice).contains("一次性告知书", caseNo, "借款人及共同借款人收入证明", "卖方收款账户证明")
			.doesNotContain("借款人居民身份证");
		assertThat(notice).as("the clerk by name").contains("经办人王晓明").doesNotContain("clerk1");
		String receipt = text(caseNo, (String) listed.get(1).get("documentNo"));
		assertThat(receipt).contains("受理回执", caseNo, "张伟", "二手房住房公积金个人贷款", "15日", "卖方不动产权证书");
		assertThat(receipt).as("the clerk who accepted, by name, not by login").contains("受理人王晓明")
			.doesNotContain("clerk1");
		assertThat(receipt).as("the ID number is masked on a receipt").contains(LoanFixtures.masked(couple.husband()))
			.doesNotContain(couple.husband());
		String contract = text(caseNo, contractNo);
		assertThat(contract).contains("个人住房公积金借款合同", contractNo, "张伟", couple.husband(), "李娜", "王强",
				"600,000.00", "人民币陆拾万元整", "240", "2.60%", "3.90%", "等额本息", "3,208.73",
				"6217002370001586432", "中国建设银行焦作人民路支行", "6217000010012345678");
		assertThat(contract).as("the contract's lender and entrusted bank").contains("贷款人(乙方):" + FUND_CENTRE)
			.contains("受托银行(丙方):" + BANK);
		String iou = text(caseNo, iouNo);
		assertThat(iou).contains("借款借据", iouNo, contractNo, "张伟", "李娜", "600,000.00", "人民币陆拾万元整", "王强");
		assertThat(iou).as("the lender is the fund centre, as in the contract; the bank pays out for it")
			.contains("贷款人" + FUND_CENTRE)
			.contains("受托银行" + BANK)
			.doesNotContain("贷款人:" + BANK)
			.doesNotContain("贷款人" + BANK);
		String disbursement = text(caseNo, (String) listed.get(4).get("documentNo"));
		assertThat(disbursement).contains(contractNo, iouNo, "600,000.00", "6217********5678")
			.doesNotContain("6217000010012345678");
		assertThat(disbursement).as("sealed by the bank, the notice speaks as the bank, for the lender")
			.contains("本行", "贷款人" + FUND_CENTRE)
			.doesNotContain("本中心");
		String completion = text(caseNo, (String) listed.get(5).get("documentNo"));
		assertThat(completion).contains("办结", caseNo, "准予贷款,贷款已发放", contractNo, iouNo,
				"人民币陆拾万元整", mortgageCertificate(caseNo));
		assertThat(completion).as("what the borrower must do next").contains("按时足额还款", "首次还款日");
		assertThat(completion).as("staff by name").contains("刘志强").doesNotContain("approver1");
		assertThat(completion).as("a receipt fits on one page, seal included").contains("第1页共1页");
		assertThat(receipt).as("a receipt fits on one page, seal included").contains("第1页共1页");

		// issuing again (a retried step) gives the same document, not a second one
		assertThat(this.loanDocuments.issueLoanContract(new CaseNo(caseNo)).documentNo()).isEqualTo(contractNo);
		assertThat(this.receipts.issueAcceptanceReceipt(new CaseNo(caseNo)).documentNo())
			.isEqualTo(listed.get(1).get("documentNo"));
		assertThat(row("select count(*) from documents_document where case_no = ?", caseNo)).isEqualTo("6");
	}

	@Test
	void aRefusedCaseGetsARefusalReceiptSayingWhyAndWhatTheCitizenMayDoNext() {
		String caseNo = submit(this.http, newResaleApplication(LoanFixtures.Flat.BUILT_1996));
		String path = "/api/loan/applications/" + caseNo;
		ok(staff("clerk1", "hpf-acceptance-clerk").post(path + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		everyAgencyAgrees(caseNo);
		ok(staff("reviewer1", "hpf-first-reviewer").post(path + "/first-review",
				Map.of("outcome", "REJECT", "opinion", "房龄超限，不予贷款")));
		runJobs(this.engine, caseNo);
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("REJECTED");

		List<Map<String, Object>> listed = staff("clerk1", "hpf-acceptance-clerk").getList(documentsOf(caseNo)).getBody();
		assertThat(listed).extracting(d -> d.get("kind")).containsExactly("ACCEPTANCE_RECEIPT", "REFUSAL_RECEIPT");
		assertThat(listed.get(1)).containsEntry("issuer", "HPF").containsEntry("title", "住房公积金业务不予贷款回执");
		String refusal = text(caseNo, (String) listed.get(1).get("documentNo"));
		assertThat(refusal).contains("不予贷款回执", caseNo, "张伟", "二手房住房公积金个人贷款");
		assertThat(refusal).as("why: the rule not met and the reviewer's opinion")
			.contains("房龄与贷款期限之和50年,超过本市上限40年", "初审不通过:房龄超限,不予贷款");
		assertThat(refusal).as("what the citizen may do: ask again, have it reviewed, take the materials back")
			.contains("复核", "行政复议", "行政诉讼", "申请材料", "重新申请");
		assertThat(refusal).as("nothing about a loan that was never made")
			.doesNotContain("还款", "借款合同", "借据", "罚息");
		assertThat(refusal).as("the officer by name").contains("张建国").doesNotContain("reviewer1");
		assertThat(refusal).contains("第1页共1页");
	}

	@Test
	void onlyThoseWhoMaySeeTheCaseDownloadItsDocumentsAndEveryDownloadIsRecorded() {
		String caseNo = acceptedCase();
		String receiptNo = row("select document_no from documents_document where case_no = ? and kind = 'ACCEPTANCE_RECEIPT'",
				caseNo);

		assertThat(download(TestTokens.user("registry1", "registry-clerk"), caseNo, receiptNo).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(download(TestTokens.user("reviewer1", "hpf-first-reviewer"), caseNo, receiptNo).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<byte[]> agent = download(TestTokens.developerAgent("agent-a", "91350100M000100Y43"), caseNo,
				receiptNo);
		assertThat(agent.getStatusCode()).as("a developer's agent does not see a window case").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(new String(agent.getBody(), StandardCharsets.UTF_8)).contains("/problems/case-not-found")
			.doesNotContain("%PDF");
		assertThat(Api.as(this.http, TestTokens.developerAgent("agent-a", "91350100M000100Y43"))
			.raw(HttpMethod.GET, documentsOf(caseNo), null)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Api.anonymous(this.http).raw(HttpMethod.GET, documentsOf(caseNo) + "/" + receiptNo, null)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(download(TestTokens.user("manager1", "hall-manager"), caseNo, receiptNo).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		// another case's number under this case: not found, nothing sent
		String other = acceptedCase();
		String otherReceipt = row(
				"select document_no from documents_document where case_no = ? and kind = 'ACCEPTANCE_RECEIPT'", other);
		ResponseEntity<byte[]> crossed = download(TestTokens.user("registry1", "registry-clerk"), caseNo, otherReceipt);
		assertThat(crossed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(new String(crossed.getBody(), StandardCharsets.UTF_8)).contains("/problems/document-not-found");

		assertThat(this.jdbc.sql("""
				select downloaded_by || '/' || channel from documents_download where document_no = ? order by id""")
			.param(receiptNo)
			.query(String.class)
			.list()).containsExactly("registry1/API", "reviewer1/API", "manager1/API");
	}

	@Test
	void aDeveloperAgentDownloadsTheDocumentsOfTheirOwnApplicantOnly() {
		Api agentA = Api.as(this.http, TestTokens.developerAgent("agent-a", "91350100M000100Y43"));
		ResponseEntity<Map<String, Object>> created = agentA.post("/api/loan/new-house-applications",
				NewHouseSales.application(this.jdbc, NewHouseSales.COMPANY_A, "钱七", LoanFixtures.newBuyerIdNumber()),
				UUID.randomUUID().toString());
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		@SuppressWarnings("unchecked")
		String caseNo = (String) ((Map<String, Object>) created.getBody().get("caseFile")).get("caseNo");
		// the new-house process issues no document yet: the fund centre issues one for the case here
		IssuedDocument receipt = this.documents.issue(new Documents.Request(caseNo,
				cn.example.servicehall.documents.render.TemplateId.ACCEPTANCE_RECEIPT, "1",
				cn.example.servicehall.documents.signing.Agency.HPF, java.util.Optional.empty(),
				(no, url) -> cn.example.servicehall.documents.render.SampleDocuments.acceptanceReceipt()));

		assertThat(download(TestTokens.developerAgent("agent-a", "91350100M000100Y43"), caseNo, receipt.documentNo())
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download(TestTokens.developerAgent("agent-b", "91110000600037341L"), caseNo, receipt.documentNo())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(row("select string_agg(downloaded_by, ',') from documents_download where document_no = ?",
				receipt.documentNo())).isEqualTo("agent-a");
	}

	@Test
	void tamperingWithAnyByteIsCaughtByPdfsigAndByTheVerificationPage() {
		String caseNo = acceptedCase();
		String no = row("select document_no from documents_document where case_no = ? and kind = 'ACCEPTANCE_RECEIPT'",
				caseNo);
		byte[] genuine = download(TestTokens.user("clerk1", "hpf-acceptance-clerk"), caseNo, no).getBody();
		long before = count("select count(*) from documents_verification");

		Map<String, Object> verdict = check(genuine, null);
		assertThat(verdict).containsEntry("verdict", "GENUINE");
		assertThat(verdict.get("document")).asString().contains(no).contains("受理回执").contains("焦作市住房公积金管理中心");
		assertThat(verdict.toString()).doesNotContain("张伟")
			.doesNotContain(row("select id_no from loan_party where case_no = ? and role = 'BORROWER'", caseNo));

		int[] range = byteRange(genuine);
		// inside the data of a page's or a font's stream: a flipped bit there leaves a readable PDF whose signature
		// no longer matches. Not inside an object or cross-reference stream: a bit flipped there can leave no PDF to
		// read at all, which the page rightly answers with NOT_A_PDF.
		List<Integer> streams = plainStreams(genuine, range[1]);
		assertThat(streams).as("streams in the signed part").hasSizeGreaterThan(2);
		int firstStream = streams.get(0);
		int middleStream = streams.get(streams.size() / 2);
		int lastStreamSigned = streams.get(streams.size() - 1);
		for (int position : new int[] { firstStream, middleStream, lastStreamSigned, range[2] + range[3] / 2 }) {
			byte[] tampered = genuine.clone();
			tampered[position] ^= 0x01;
			Path file = PdfTools.write(this.work, "tampered-" + position + ".pdf", tampered);
			String pdfsig = PdfTools.pdfsig(file).output();
			assertThat(pdfsig).as("pdfsig at byte " + position).doesNotContain("Signature is Valid");
			assertThat(pdfsig.lines()).as(pdfsig).anyMatch(l -> l.startsWith("  - Signature Validation: Digest Mismatch")
					|| l.startsWith("  - Signature Validation: Signature is Invalid"));
			Map<String, Object> answer = check(tampered, no);
			assertThat(answer).as("the page at byte " + position).containsEntry("verdict", "ALTERED")
				.doesNotContainKey("document");
		}
		byte[] appended = java.util.Arrays.copyOf(genuine, genuine.length + 19);
		System.arraycopy("\n% appended later\n ".getBytes(StandardCharsets.US_ASCII), 0, appended, genuine.length, 19);
		assertThat(check(appended, null)).containsEntry("verdict", "ALTERED").containsEntry("reason", "CONTENT_APPENDED");

		// a genuine document presented as another one is not that one
		assertThat(check(genuine, "SL2026999999")).containsEntry("verdict", "MISMATCH");
		assertThat(count("select count(*) from documents_verification")).isEqualTo(before + 7);
	}

	@Test
	void theVerificationPageShowsWhatTheDocumentPrintsAndRefusesWhatIsNotAPdf() {
		String caseNo = acceptedCase();
		String no = row("select document_no from documents_document where case_no = ? and kind = 'ACCEPTANCE_RECEIPT'",
				caseNo);

		ResponseEntity<String> page = this.http.getForEntity("/verify/" + no, String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("电子文书验证", no, "受理回执", "焦作市住房公积金管理中心", "本中心签发过该编号的文书")
			.doesNotContain("张伟")
			.doesNotContain(caseNo);
		ResponseEntity<String> unknown = this.http.getForEntity("/verify/SL2099000001", String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).contains("本中心没有签发过该编号的文书");

		byte[] genuine = download(TestTokens.user("clerk1", "hpf-acceptance-clerk"), caseNo, no).getBody();
		ResponseEntity<String> checked = upload(genuine, no, MediaType.TEXT_HTML);
		assertThat(checked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(checked.getBody()).contains("data-verdict=\"GENUINE\"", "真实有效", no);

		ResponseEntity<String> notPdf = upload("姓名,金额\n张伟,600000\n".getBytes(StandardCharsets.UTF_8), null,
				MediaType.APPLICATION_JSON);
		assertThat(notPdf.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(notPdf.getBody()).contains("/problems/not-a-pdf", "只能验证 PDF 文件");
		ResponseEntity<String> nothing = upload(new byte[0], null, MediaType.TEXT_HTML);
		assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(nothing.getBody()).contains("请选择要验证的 PDF 文件");
	}

	@Test
	void aClientCheckingTooOftenIsToldToWaitOnEveryNode() {
		String client = "too-eager-" + UUID.randomUUID();
		int limit = this.documents.verificationsPerMinute();
		// the limit counts what is stored, so that every node sees the same count; this client is at the limit
		for (int i = 0; i < limit; i++) {
			this.jdbc.sql("""
					insert into documents_verification (checked_at, kind, client_hash, document_no, outcome)
					values (now(), 'LOOKUP', ?, null, 'NOT_FOUND')""").param(client).update();
		}
		assertThat(this.documents.recentVerifications(client)).isEqualTo(limit);
		this.jdbc.sql("update documents_verification set checked_at = checked_at - interval '61 seconds' where client_hash = ?")
			.param(client)
			.update();
		assertThat(this.documents.recentVerifications(client)).as("a minute later").isZero();
	}

	@Test
	void theLimitAnswers429WithAMessageAndRetryAfter() {
		int limit = this.documents.verificationsPerMinute();
		long lastId = count("select coalesce(max(id), 0) from documents_verification");
		try {
			ResponseEntity<String> last = null;
			int answered = 0;
			for (int i = 0; i <= limit; i++) {
				last = this.http.getForEntity("/verify/SL2099000002", String.class);
				if (last.getStatusCode() == HttpStatus.NOT_FOUND) {
					answered++;
				}
			}
			assertThat(answered).isLessThanOrEqualTo(limit);
			assertThat(last.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat(last.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
			assertThat(last.getBody()).contains("查询过于频繁", "每分钟最多 " + limit + " 次");
			ResponseEntity<String> json = upload(new byte[] { '%', 'P', 'D', 'F', '-' }, null, MediaType.APPLICATION_JSON);
			assertThat(json.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat(json.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
			assertThat(json.getBody()).contains("/problems/too-many-verifications");
		}
		finally {
			// the other tests check from the same address within the same minute: take this test's checks back
			this.jdbc.sql("delete from documents_verification where id > ?").param(lastId).update();
		}
	}

	// ------------------------------------------------------------------------------------------------------------

	/** A case taken from the window (with one round of missing materials) to the completion receipt. */
	private String completedCase(Map<String, Object> application) {
		String caseNo = submit(this.http, application);
		String path = "/api/loan/applications/" + caseNo;
		Api clerk = staff("clerk1", "hpf-acceptance-clerk");
		Map<String, Object> incomplete = new LinkedHashMap<>(allMaterials(true));
		@SuppressWarnings("unchecked")
		Map<String, Boolean> materials = new LinkedHashMap<>((Map<String, Boolean>) incomplete.get("materials"));
		materials.put("INCOME_PROOF", false);
		materials.put("SELLER_ACCOUNT", false);
		incomplete.put("materials", materials);
		ok(clerk.post(path + "/acceptance", incomplete));
		ok(clerk.post(path + "/materials-supplemented", Map.of("remark", "暂不可补正")), HttpStatus.CONFLICT);
		runJobs(this.engine, caseNo);
		ok(clerk.post(path + "/materials-supplemented", Map.of("remark", "已补齐")));
		ok(clerk.post(path + "/acceptance", allMaterials(true)));
		runJobs(this.engine, caseNo);
		everyAgencyAgrees(caseNo);
		Map<String, Object> agree = Map.of("outcome", "APPROVE", "opinion", "同意");
		ok(staff("reviewer1", "hpf-first-reviewer").post(path + "/first-review", agree));
		ok(staff("approver1", "hpf-approver").post(path + "/approval",
				Map.of("outcome", "APPROVE", "approvedAmount", "600000.00", "opinion", "同意")));
		ok(staff("bank1", "bank-loan-officer").post(path + "/contract-signing/bank", null));
		ok(staff("guarantor1", "guarantor-officer").post(path + "/contract-signing/guarantor", null));
		ok(clerk.post(path + "/contract-signing/fund-centre", null));
		runJobs(this.engine, caseNo);
		ok(staff("registry1", "registry-clerk").post(path + "/mortgage-registration",
				Map.of("certificateNo", mortgageCertificate(caseNo))));
		runJobs(this.engine, caseNo);
		assertThat(row("select status from intake_case where case_no = ?", caseNo)).isEqualTo("COMPLETED");
		return caseNo;
	}

	/** The bank, the registry and the guarantor agree; the system then assesses eligibility and the limit. */
	private void everyAgencyAgrees(String caseNo) {
		String path = "/api/loan/applications/" + caseNo;
		Map<String, Object> agree = Map.of("outcome", "APPROVE", "opinion", "同意");
		ok(staff("bank1", "bank-loan-officer").post(path + "/credit-review", agree));
		ok(staff("registry1", "registry-clerk").post(path + "/title-review", agree));
		ok(staff("guarantor1", "guarantor-officer").post(path + "/guarantee-assessment", agree));
		runJobs(this.engine, caseNo);
	}

	/** A certificate number of the case's own: each is registered once. */
	private static String mortgageCertificate(String caseNo) {
		return "豫(2026)焦作市不动产证明第" + caseNo.substring(caseNo.length() - 7) + "号";
	}

	/** A case accepted at the window, its receipt issued. */
	private String acceptedCase() {
		String caseNo = submit(this.http, newResaleApplication());
		ok(staff("clerk1", "hpf-acceptance-clerk").post("/api/loan/applications/" + caseNo + "/acceptance",
				allMaterials(true)));
		runJobs(this.engine, caseNo);
		return caseNo;
	}

	/** A demo user of the realm, signed in with their name (family name, given name) as Keycloak issues it. */
	private Api staff(String user, String group) {
		String[] name = STAFF.get(user);
		return Api.as(this.http, name == null ? TestTokens.user(user, group)
				: TestTokens.withClaims(Map.of("family_name", name[0], "given_name", name[1]), user, group));
	}

	private static String documentsOf(String caseNo) {
		return "/api/cases/" + caseNo + "/documents";
	}

	private ResponseEntity<byte[]> download(String token, String caseNo, String documentNo) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
		return this.http.exchange(documentsOf(caseNo) + "/" + documentNo, HttpMethod.GET, new HttpEntity<>(headers),
				byte[].class);
	}

	/** The document's text as pdftotext reads it, NFKC and whitespace removed (see {@link PdfTools#normalise}). */
	private String text(String caseNo, String documentNo) {
		byte[] pdf = download(TestTokens.user("clerk1", "hpf-acceptance-clerk"), caseNo, documentNo).getBody();
		return PdfTools.normalise(PdfTools.text(PdfTools.write(this.work, documentNo + "-text.pdf", pdf)));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> check(byte[] file, String documentNo) {
		ResponseEntity<String> answer = upload(file, documentNo, MediaType.APPLICATION_JSON);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readValue(answer.getBody(), Map.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new AssertionError(answer.getBody(), ex);
		}
	}

	private ResponseEntity<String> upload(byte[] file, String documentNo, MediaType accept) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return "document.pdf";
			}
		});
		if (documentNo != null) {
			form.add("documentNo", documentNo);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(accept));
		return this.http.exchange("/verify", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
	}

	private static int[] byteRange(byte[] pdf) {
		Matcher range = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*]")
			.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
		assertThat(range.find()).as("a signed PDF has a /ByteRange").isTrue();
		return new int[] { Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)),
				Integer.parseInt(range.group(3)), Integer.parseInt(range.group(4)) };
	}

	/**
	 * A byte in the middle of each stream's data before {@code before}, for every stream that is not an object
	 * stream or a cross-reference stream (those hold the file's structure, not its content).
	 */
	private static List<Integer> plainStreams(byte[] pdf, int before) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		List<Integer> positions = new java.util.ArrayList<>();
		Matcher stream = Pattern.compile("(?<!end)stream\\r?\\n").matcher(text);
		while (stream.find() && stream.end() < before) {
			String dictionary = text.substring(text.lastIndexOf(" obj", stream.start()), stream.start());
			int end = text.indexOf("endstream", stream.end());
			if (dictionary.contains("/ObjStm") || dictionary.contains("/XRef") || end < 0 || end > before
					|| end - stream.end() < 16) {
				continue;
			}
			positions.add(stream.end() + (end - stream.end()) / 2);
		}
		return positions;
	}

	private static void ok(ResponseEntity<Map<String, Object>> response) {
		ok(response, HttpStatus.OK);
	}

	private static void ok(ResponseEntity<Map<String, Object>> response, HttpStatus expected) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(expected);
	}

	private String row(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(String.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
