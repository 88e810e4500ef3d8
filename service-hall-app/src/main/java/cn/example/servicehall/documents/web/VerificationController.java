package cn.example.servicehall.documents.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import cn.example.servicehall.documents.Documents;
import cn.example.servicehall.documents.IssuedDocument;
import cn.example.servicehall.documents.signing.DocumentSigningSettings;
import cn.example.servicehall.platform.web.ControlCharacters;
import cn.example.servicehall.platform.web.Problems;

/**
 * 电子文书验证: the public page the QR code on every document points to. Anyone may look up a document number (what
 * the document is, who issued it and when: what it prints, nothing more) and present a file to learn whether it is a
 * document the hall issued, unaltered. A browser gets the page; a program posting a file and asking for JSON gets
 * JSON, and RFC 9457 problems when refused. Whatever is presented (no file, an empty one, another field's name, not a PDF, too large, an
 * upload cut short), the answer is a 4xx that says what to do, and one line in the log at most. Each client (by
 * address) may look up and check {@code servicehall.documents.verifications-per-minute} times a minute, refusals
 * included, counted on every hall node.
 */
@Controller
class VerificationController {

	/** The largest file checked; the hall's documents are far smaller. */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final String VIEW = "documents/verify";

	private static final Logger log = LoggerFactory.getLogger(VerificationController.class);

	private final Documents documents;

	private final DocumentSigningSettings signing;

	private final Clock clock;

	VerificationController(Documents documents, DocumentSigningSettings signing, Clock clock) {
		this.documents = documents;
		this.signing = signing;
		this.clock = clock;
	}

	@GetMapping("/verify")
	String form() {
		return VIEW;
	}

	/** The QR code's address: the document the number stands for, and the form to check a file against it. */
	@GetMapping("/verify/{documentNo}")
	String lookUp(@PathVariable String documentNo, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (limited(request, response, model)) {
			return VIEW;
		}
		String number = documentNo.strip();
		model.addAttribute("documentNo", number);
		find(number, request).ifPresentOrElse(document -> model.addAttribute("document", shown(document)),
				() -> response.setStatus(HttpStatus.NOT_FOUND.value()));
		return VIEW;
	}

	/** Checks a presented file, optionally against the number it claims (from the QR code's page). */
	@PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String check(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "documentNo", required = false) String documentNo, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (limited(request, response, model)) {
			return VIEW;
		}
		if (documentNo != null && !documentNo.isBlank() && ControlCharacters.isClean(documentNo)) {
			model.addAttribute("documentNo", documentNo.strip());
		}
		Optional<Refusal> refusal = refusal(file, documentNo);
		if (refusal.isPresent()) {
			return refusedPage(refusal.get(), request, response, model);
		}
		Result result = check(file, documentNo, request);
		model.addAttribute("result", result);
		result.document().ifPresent(document -> model.addAttribute("document", document));
		return VIEW;
	}

	/**
	 * The same check for a program asking for JSON (a browser's page request prefers HTML): the verdict as JSON, RFC
	 * 9457 problem details when refused.
	 */
	@PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Object> checkForProgram(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "documentNo", required = false) String documentNo, HttpServletRequest request) {
		if (isLimited(request)) {
			return tooMany();
		}
		Optional<Refusal> refusal = refusal(file, documentNo);
		if (refusal.isPresent()) {
			return refusedProblem(refusal.get(), request);
		}
		Result result = check(file, documentNo, request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("verdict", result.verdict());
		body.put("reason", result.reason());
		body.put("message", result.message());
		result.document().ifPresent(document -> body.put("document", document));
		return ResponseEntity.ok(body);
	}

	/**
	 * An upload that cannot be read at all (no boundary, cut short, a file name with NUL) or that is too large. Tomcat
	 * throws its own {@code InvalidFileNameException} when something reads a parameter before Spring parses the
	 * upload (the language switch does).
	 */
	@ExceptionHandler({ MultipartException.class, InvalidFileNameException.class })
	String unreadablePage(RuntimeException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (limited(request, response, model)) {
			return VIEW;
		}
		return refusedPage(unreadable(ex), request, response, model);
	}

	@ExceptionHandler(value = { MultipartException.class, InvalidFileNameException.class },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Object> unreadableProblem(RuntimeException ex, HttpServletRequest request) {
		if (isLimited(request)) {
			return tooMany();
		}
		return refusedProblem(unreadable(ex), request);
	}

	private String refusedPage(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
		record(refusal, request);
		response.setStatus(refusal.status().value());
		model.addAttribute("refusalKey", refusal.messageKey());
		return VIEW;
	}

	private ResponseEntity<Object> refusedProblem(Refusal refusal, HttpServletRequest request) {
		record(refusal, request);
		return problem(Problems.of(refusal.status(), refusal.type(), refusal.title(), refusal.detail()));
	}

	/** A refusal counts towards the client's limit like a check, and is one line in the log. */
	private void record(Refusal refusal, HttpServletRequest request) {
		log.info("Verification refused: {}", refusal.type());
		this.documents.recordRefusal(client(request), refusal.type());
	}

	private Result check(MultipartFile file, String documentNo, HttpServletRequest request) {
		Documents.Verification verification = this.documents.verify(bytes(file), client(request));
		String claimed = documentNo == null ? null : documentNo.strip();
		Optional<ShownDocument> document = verification.document().map(this::shown);
		String verdict = verification.outcome().name();
		String reason = verification.signature().reasonCode();
		String message = verification.signature().message();
		if (verification.outcome() == Documents.Verification.Outcome.GENUINE) {
			message = "文件真实有效：是本中心签发的文书，签章后未被修改";
			if (claimed != null && !claimed.isEmpty() && !claimed.equals(document.get().documentNo())) {
				verdict = "MISMATCH";
				reason = "OTHER_DOCUMENT";
				message = "文件是本中心签发的另一份文书（编号 " + document.get().documentNo() + "），不是编号 " + claimed + " 的文书";
			}
		}
		else if (verification.outcome() == Documents.Verification.Outcome.UNKNOWN && verification.signature().valid()) {
			reason = "NOT_ON_FILE";
			message = "无法确认：文件签章完好，但本中心没有签发过与之完全一致的文书";
		}
		return new Result(verdict, reason, message, document);
	}

	private static Optional<Refusal> refusal(MultipartFile file, String documentNo) {
		if (documentNo != null && !ControlCharacters.isClean(documentNo)) {
			return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "control-characters", "含有控制字符",
					"verify.refused.control-characters", "字段 documentNo " + ControlCharacters.problem(documentNo).orElseThrow()));
		}
		if (file == null || file.isEmpty()) {
			return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "no-file", "没有选择文件", "verify.refused.no-file",
					"请选择要验证的 PDF 文件后再提交（表单字段 file）。 Choose the PDF file to check (form field file)."));
		}
		if (file.getSize() > MAX_BYTES) {
			return Optional.of(tooLarge());
		}
		try {
			byte[] head = file.getInputStream().readNBytes(1024);
			if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
				return Optional.of(new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-pdf", "不是 PDF 文件",
						"verify.refused.not-pdf",
						"只能验证 PDF 文件：本中心签发的电子文书都是 PDF。 Only PDF files can be checked."));
			}
		}
		catch (IOException ex) {
			return Optional.of(unreadable(ex));
		}
		return Optional.empty();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new MultipartException("The upload could not be read", ex);
		}
	}

	private static Refusal tooLarge() {
		return new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "文件过大", "verify.refused.too-large",
				"文件超过 10 MB，不是本中心签发的文书。 The file is over 10 MB: not a document of the hall.");
	}

	private static Refusal unreadable(Exception ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return tooLarge();
		}
		return new Refusal(HttpStatus.BAD_REQUEST, "unreadable-upload", "上传内容无法读取", "verify.refused.unreadable",
				"上传内容不完整或格式不正确（须为 multipart/form-data，文件放在字段 file 中），请重新选择 PDF 文件后提交。"
						+ " The upload is incomplete or malformed; send the PDF as the multipart field file.");
	}

	private Optional<IssuedDocument> find(String number, HttpServletRequest request) {
		return wellFormed(number) ? this.documents.lookUp(number, client(request)) : Optional.empty();
	}

	private boolean limited(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!isLimited(request)) {
			return false;
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "60");
		model.addAttribute("limited", true);
		model.addAttribute("perMinute", this.documents.verificationsPerMinute());
		return true;
	}

	private boolean isLimited(HttpServletRequest request) {
		return this.documents.recentVerifications(client(request)) >= this.documents.verificationsPerMinute();
	}

	private ResponseEntity<Object> tooMany() {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-verifications", "验证过于频繁",
				"每个地址每分钟最多验证 " + this.documents.verificationsPerMinute() + " 次，请一分钟后再试。"
						+ " Too many checks from this address; try again in a minute.");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "60")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A pseudonym for the client's address that changes every day: enough to count, not to keep the address. */
	private String client(HttpServletRequest request) {
		String seed = "servicehall-verify|" + LocalDate.now(this.clock) + "|" + request.getRemoteAddr();
		return Documents.sha256(seed.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
	}

	private static boolean wellFormed(String documentNo) {
		return documentNo.matches("[A-Z]{2}\\d{6,16}");
	}

	private ShownDocument shown(IssuedDocument document) {
		return new ShownDocument(document.documentNo(), document.title(), this.signing.profile(document.issuer()).name(),
				document.issuedAt().atZoneSameInstant(this.clock.getZone()).toLocalDate(), document.sha256());
	}

	/**
	 * A document as the public page shows it: what it prints about itself, nothing about the people in it.
	 * @param documentNo its number
	 * @param title its title
	 * @param issuer the issuing agency's name
	 * @param issuedOn the day it was issued
	 * @param sha256 the SHA-256 of the file as issued, to compare with one's own copy
	 */
	record ShownDocument(String documentNo, String title, String issuer, LocalDate issuedOn, String sha256) {
	}

	/**
	 * The answer to a check.
	 * @param verdict GENUINE, ALTERED, UNKNOWN, NOT_A_PDF or MISMATCH (genuine, but another document than claimed)
	 * @param reason the reason code
	 * @param message the sentence to read
	 * @param document the document, when genuine
	 */
	record Result(String verdict, String reason, String message, Optional<ShownDocument> document) {
	}

	private record Refusal(HttpStatus status, String type, String title, String messageKey, String detail) {
	}

}
