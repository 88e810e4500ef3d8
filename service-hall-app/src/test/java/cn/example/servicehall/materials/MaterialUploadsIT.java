package cn.example.servicehall.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
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
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.NewCase;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.LoanFixtures;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;

/**
 * 申请材料上传: only PDF, JPEG and PNG are taken, recognised by their content and parsed; each refusal says why in
 * its own problem type and leaves nothing in the tables; the same bytes are kept once; a download can never run in the
 * browser; another company's case does not exist for an agent.
 */
@ServiceHallIntegrationTest
class MaterialUploadsIT {

	private static final String COMPANY_A = "91350100M000100Y43";

	private static final String COMPANY_B = "91110000600037341L";

	private static final String CLERK_TOKEN = TestTokens.user("clerk1", "hpf-acceptance-clerk");

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CaseFiles cases;

	@LocalServerPort
	private int port;

	// ---- refusals ----

	@Test
	void refusesEachBadKindWithItsOwnReasonAndStoresNothing() throws Exception {
		String caseNo = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		long blobs = count("materials_blob");
		long uploads = count("materials_upload");

		byte[] elf = new byte[4096];
		System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, 0, elf, 0, 7);
		assertRefused(upload(caseNo, "INCOME_PROOF", "收入证明.pdf", elf, CLERK_TOKEN), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"material-type-not-accepted", "可执行程序");
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertRefused(upload(caseNo, "INCOME_PROOF", "收入证明.pdf", exe, CLERK_TOKEN), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"material-type-not-accepted", "可执行程序");
		assertRefused(upload(caseNo, "INCOME_PROOF", "scan.pdf", zip(), CLERK_TOKEN), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"material-type-not-accepted", "压缩包");
		byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		assertRefused(upload(caseNo, "INCOME_PROOF", "scan.png", html, CLERK_TOKEN), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"material-type-not-accepted", "网页");
		assertRefused(upload(caseNo, "INCOME_PROOF", "scan.pdf", new byte[0], CLERK_TOKEN), HttpStatus.BAD_REQUEST,
				"material-empty", "空文件");
		byte[] oversized = new byte[10 * 1024 * 1024 + 1];
		byte[] pdf = pdf(1);
		System.arraycopy(pdf, 0, oversized, 0, pdf.length);
		assertRefused(upload(caseNo, "INCOME_PROOF", "big.pdf", oversized, CLERK_TOKEN), HttpStatus.PAYLOAD_TOO_LARGE,
				"material-too-large", "10 MB");
		assertRefused(upload(caseNo, "INCOME_PROOF", "locked.pdf", encryptedPdf(), CLERK_TOKEN),
				HttpStatus.UNPROCESSABLE_ENTITY, "material-pdf-encrypted", "密码");
		byte[] damaged = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%garbage".getBytes(StandardCharsets.US_ASCII);
		assertRefused(upload(caseNo, "INCOME_PROOF", "cut.pdf", damaged, CLERK_TOKEN), HttpStatus.UNPROCESSABLE_ENTITY,
				"material-pdf-damaged", "损坏");
		assertRefused(upload(caseNo, "INCOME_PROOF", "long.pdf", pdf(51), CLERK_TOKEN), HttpStatus.UNPROCESSABLE_ENTITY,
				"material-too-many-pages", "50");
		assertRefused(upload(caseNo, "INCOME_PROOF", "tiny.png", image("png", 10, 10), CLERK_TOKEN),
				HttpStatus.UNPROCESSABLE_ENTITY, "material-image-too-small", "600");
		byte[] cutJpeg = image("jpg", 800, 600);
		cutJpeg = java.util.Arrays.copyOf(cutJpeg, 300);
		assertRefused(upload(caseNo, "INCOME_PROOF", "cut.jpg", cutJpeg, CLERK_TOKEN), HttpStatus.UNPROCESSABLE_ENTITY,
				"material-image-damaged", "损坏");
		assertRefused(upload(caseNo, "NOT_A_MATERIAL", "scan.pdf", pdf(1), CLERK_TOKEN),
				HttpStatus.UNPROCESSABLE_ENTITY, "material-not-on-checklist", "借款人居民身份证");
		assertRefused(upload("DK2026010199999", "INCOME_PROOF", "scan.pdf", pdf(1), CLERK_TOKEN), HttpStatus.NOT_FOUND,
				"case-not-found", "DK2026010199999");

		assertThat(count("materials_blob")).as("no blob kept").isEqualTo(blobs);
		assertThat(count("materials_upload")).as("no upload recorded").isEqualTo(uploads);
	}

	@Test
	void refusesATooLargeUploadFromItsHeadersBeforeTheBodyIsSent() throws Exception {
		String caseNo = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		long uploads = count("materials_upload");
		String request = "POST /api/cases/" + caseNo + "/materials/INCOME_PROOF HTTP/1.1\r\n" + "Host: localhost\r\n"
				+ "Authorization: Bearer " + CLERK_TOKEN + "\r\n" + "Idempotency-Key: " + UUID.randomUUID() + "\r\n"
				+ "Content-Type: multipart/form-data; boundary=hall\r\n" + "Content-Length: " + 30 * 1024 * 1024 + "\r\n"
				+ "Expect: 100-continue\r\n" + "Connection: close\r\n\r\n";

		String answer;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			// not one byte of the body is sent: the hall answers from the headers
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}

		assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json")
			.contains("/problems/material-too-large")
			.contains("10 MB");
		assertThat(count("materials_upload")).isEqualTo(uploads);
	}

	// ---- kept once ----

	@Test
	void keepsTheSameBytesOnceAndARetryRecordsNoSecondUpload() throws Exception {
		String caseNo = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		byte[] scan = image("png", 1200, 800);
		String sha = sha256(scan);
		String key = UUID.randomUUID().toString();

		ResponseEntity<Map<String, Object>> first = upload(caseNo, "BORROWER_ID", "C:\\扫描\\身份证.png", scan, CLERK_TOKEN,
				key);
		assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getBody()).containsEntry("mediaType", "image/png")
			.containsEntry("fileName", "身份证.png")
			.containsEntry("sha256", sha)
			.containsEntry("width", 1200)
			.containsEntry("height", 800)
			.containsEntry("material", "BORROWER_ID")
			.containsEntry("uploadedBy", "clerk1");

		// the same request again with its key: the kept answer, nothing new
		ResponseEntity<Map<String, Object>> retry = upload(caseNo, "BORROWER_ID", "C:\\扫描\\身份证.png", scan, CLERK_TOKEN,
				key);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.getBody()).containsEntry("id", first.getBody().get("id"));
		// the same bytes for the same material with a new key: what is there already, nothing new
		ResponseEntity<Map<String, Object>> again = upload(caseNo, "BORROWER_ID", "again.png", scan, CLERK_TOKEN);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).containsEntry("id", first.getBody().get("id"));
		assertThat(uploadsOf(caseNo, sha)).isEqualTo(1);
		// the same bytes for another material: a second upload of the one blob
		assertThat(upload(caseNo, "SELLER_ID", "seller.png", scan, CLERK_TOKEN).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(uploadsOf(caseNo, sha)).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from materials_blob where sha256 = ?").param(sha).query(Long.class)
			.single()).isEqualTo(1);

		// the checklist with what was uploaded for each item, the missing ones marked
		ResponseEntity<Map<String, Object>> list = Api.as(this.http, CLERK_TOKEN).get("/api/cases/" + caseNo + "/materials");
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) list.getBody().get("items");
		assertThat(items).extracting(i -> i.get("code")).startsWith("BORROWER_ID");
		assertThat(items.get(0)).containsEntry("missing", false);
		assertThat((List<?>) items.get(0).get("uploads")).hasSize(1);
		assertThat(items).filteredOn(i -> "INCOME_PROOF".equals(i.get("code"))).singleElement()
			.satisfies(i -> assertThat(i).containsEntry("missing", true));
	}

	// ---- download ----

	@Test
	void servesADownloadAsTheStoredTypeAttachedAndSandboxed() throws Exception {
		String caseNo = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		byte[] contract = pdf(3);
		ResponseEntity<Map<String, Object>> created = upload(caseNo, "PURCHASE_CONTRACT", "<script>合同\u202Egpj.exe",
				contract, CLERK_TOKEN);
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).containsEntry("pages", 3).containsEntry("mediaType", "application/pdf");
		String location = created.getHeaders().getLocation().getPath();

		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(CLERK_TOKEN);
		headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
		ResponseEntity<byte[]> download = this.http.exchange(location, HttpMethod.GET, new HttpEntity<>(headers),
				byte[].class);

		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getBody()).isEqualTo(contract);
		assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''").endsWith(".pdf")
			.doesNotContain("<").doesNotContain("\u202E");
		assertThat(download.getHeaders().get("X-Content-Type-Options")).contains("nosniff");
		assertThat(download.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
		assertThat(download.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");

		assertThat(Api.as(this.http, CLERK_TOKEN).get("/api/cases/" + caseNo + "/materials/" + UUID.randomUUID())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	// ---- fences ----

	@Test
	void anAgentReachesOnlyTheirOwnCompanysCases() throws Exception {
		// a case of company A with a checklist (the test-only 缴存证明 service)
		String caseNo = this.cases
			.open(new NewCase(ServiceType.valueOf("DEPOSIT_CERTIFICATE"), Channel.ONLINE, "林晓",
					new ResidentIdNumber(LoanFixtures.newBuyerIdNumber()), Optional.of(COMPANY_A)), "agent-a")
			.value();
		String agentA = TestTokens.developerAgent("agent-a", COMPANY_A);
		String agentB = TestTokens.developerAgent("agent-b", COMPANY_B);
		long uploads = count("materials_upload");

		ResponseEntity<Map<String, Object>> foreign = upload(caseNo, "APPLICANT_ID", "id.jpg", image("jpg", 800, 600),
				agentB);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getBody()).containsEntry("type", "/problems/case-not-found");
		assertThat(count("materials_upload")).isEqualTo(uploads);

		ResponseEntity<Map<String, Object>> own = upload(caseNo, "APPLICANT_ID", "id.jpg", image("jpg", 800, 600), agentA);
		assertThat(own.getStatusCode()).as(String.valueOf(own.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(own.getBody()).containsEntry("mediaType", "image/jpeg").containsEntry("channel", "ONLINE");
		assertThat(this.jdbc.sql("select developer_company_id from materials_upload where id = cast(? as uuid)")
			.param(own.getBody().get("id"))
			.query(String.class)
			.single()).isEqualTo(COMPANY_A);
		String download = own.getHeaders().getLocation().getPath();

		assertThat(Api.as(this.http, agentA).get("/api/cases/" + caseNo + "/materials").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(bytes(download, agentA).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Api.as(this.http, agentB).get("/api/cases/" + caseNo + "/materials").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(bytes(download, agentB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// staff see it; the bank's officer may read, but not upload
		assertThat(bytes(download, TestTokens.user("bank1", "bank-loan-officer")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(upload(caseNo, "APPLICANT_ID", "id.png", image("png", 800, 600),
				TestTokens.user("bank1", "bank-loan-officer")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theOnlineHallUploadsForTheCasesItFiledAndSeesNoOthers() throws Exception {
		String onlineToken = TestTokens.user("service-account-online-hall-system", Groups.ONLINE_HALL);
		Api online = Api.as(this.http, onlineToken);
		ResponseEntity<Map<String, Object>> filed = online.post("/api/withdrawals",
				WithdrawalFixtures.rent(WithdrawalFixtures.renter(this.jdbc, "钱传材")), WithdrawalFixtures.key());
		assertThat(filed.getStatusCode()).as(String.valueOf(filed.getBody())).isEqualTo(HttpStatus.CREATED);
		String caseNo = WithdrawalFixtures.caseNo(filed.getBody());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) online.get("/api/cases/" + caseNo + "/materials")
			.getBody()
			.get("items");
		assertThat(items).as("a rent withdrawal's checklist").isNotEmpty();
		String material = (String) items.get(0).get("code");

		ResponseEntity<Map<String, Object>> uploaded = upload(caseNo, material, "租赁合同.pdf", pdf(2), onlineToken);
		assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(uploaded.getBody()).containsEntry("channel", "ONLINE").containsEntry("developerCompanyId", null);

		String atTheWindow = LoanFixtures.submit(this.http, LoanFixtures.newResaleApplication());
		assertThat(online.get("/api/cases/" + atTheWindow + "/materials").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(upload(atTheWindow, "INCOME_PROOF", "x.pdf", pdf(1), onlineToken).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	// ---- helpers ----

	private static void assertRefused(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String type,
			String detailContains) {
		assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody()).containsEntry("type", "/problems/" + type);
		assertThat((String) answer.getBody().get("detail")).contains(detailContains);
	}

	private ResponseEntity<Map<String, Object>> upload(String caseNo, String material, String fileName, byte[] content,
			String token) {
		return upload(caseNo, material, fileName, content, token, UUID.randomUUID().toString());
	}

	private ResponseEntity<Map<String, Object>> upload(String caseNo, String material, String fileName, byte[] content,
			String token, String key) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		headers.set("Idempotency-Key", key);
		HttpHeaders part = new HttpHeaders();
		// the client's word for the type is not believed
		part.setContentType(MediaType.APPLICATION_PDF);
		part.setContentDispositionFormData("file", fileName);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, part));
		return this.http.exchange("/api/cases/" + caseNo + "/materials/" + material, HttpMethod.POST,
				new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
				});
	}

	private ResponseEntity<byte[]> bytes(String path, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long uploadsOf(String caseNo, String sha) {
		return this.jdbc.sql("select count(*) from materials_upload where case_no = ? and sha256 = ?")
			.params(caseNo, sha)
			.query(Long.class)
			.single();
	}

	static byte[] pdf(int pages) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	static byte[] encryptedPdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(out);
			return out.toByteArray();
		}
	}

	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.drawString("居民身份证 410802198506150313", 20, 40);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] zip() throws IOException {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("scan.pdf"));
			zip.write(pdf(1));
			zip.closeEntry();
			zip.finish();
			return out.toByteArray();
		}
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
