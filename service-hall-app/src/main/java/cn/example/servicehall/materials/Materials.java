package cn.example.servicehall.materials;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;
import cn.example.servicehall.intake.Channel;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.platform.web.DoneConcurrently;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

/**
 * 申请材料: files uploaded for the materials on a case's checklist (the checklist the case's service gives intake).
 * Whoever may see the case may list and download them ({@link CaseFiles#getVisible}: another company's case does
 * not exist for an agent); the content is checked before anything is kept ({@link MaterialContent}), kept once by its
 * SHA-256, and served back only as the type it was kept as, as an attachment a browser will not run.
 */
@Service
public class Materials {

	/** The case history's line for an upload taken back. */
	public static final String WITHDRAWN = "MATERIAL_WITHDRAWN";

	/** The case history's line for an upload replaced by another file. */
	public static final String REPLACED = "MATERIAL_REPLACED";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The case history's line for a material downloaded. */
	public static final String DOWNLOADED = "MATERIAL_DOWNLOADED";

	private final JdbcClient jdbc;

	private final CaseFiles cases;

	private final CaseServices services;

	private final MaterialsSettings settings;

	private final Clock clock;

	Materials(JdbcClient jdbc, CaseFiles cases, CaseServices services, MaterialsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.services = services;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Who uploads, withdraws and replaces files: the acceptance clerk at the window, an agent and the online hall for
	 * the cases they may see.
	 */
	public static final List<String> CHANGERS = List.of(Groups.HPF_ACCEPTANCE_CLERK, Groups.DEVELOPER_AGENT,
			Groups.ONLINE_HALL);

	/** Whether the officer holds a post that uploads, withdraws and replaces files ({@link #CHANGERS}). */
	public static boolean mayChange(CurrentOfficer officer) {
		return officer != null && CHANGERS.stream().anyMatch(officer::isIn);
	}

	/**
	 * Whether the case's uploads may still be withdrawn or replaced: its materials were not accepted yet (submitted),
	 * or a correction round is open (waiting for materials).
	 */
	public static boolean changeable(CaseFile file) {
		return changeable(file.status());
	}

	private static boolean changeable(CaseStage stage) {
		CaseStatus status = stage.lifecycle();
		return status == CaseStatus.SUBMITTED || status == CaseStatus.AWAITING_MATERIALS;
	}

	/** What a material may be: sizes, pages, pixels. */
	public MaterialsSettings settings() {
		return this.settings;
	}

	/** The refusal of a file larger than {@link MaterialsSettings#maxSize}, as soon as that is known. */
	public ProblemException tooLarge() {
		return MaterialContent.tooLarge(this.settings);
	}

	/** The SHA-256 of a content, hex, as the content is kept under. */
	public static String sha256(byte[] content) {
		return MaterialContent.sha256(content);
	}

	/** The case's checklist with what was uploaded for each item; 404 for a case the officer may not see. */
	public CaseMaterials of(CaseNo caseNo, CurrentOfficer officer) {
		return of(this.cases.getVisible(caseNo, officer));
	}

	private CaseMaterials of(CaseFile file) {
		Checklist checklist = checklist(file);
		Map<String, String> names = checklist.items()
			.stream()
			.collect(Collectors.toMap(i -> i.material().code(), i -> i.material().name()));
		Map<String, List<MaterialUpload>> uploads = this.jdbc.sql(SELECT + """
				 where u.case_no = ? and u.withdrawn_at is null order by u.uploaded_at, u.id""")
			.param(file.caseNo().value())
			.query((rs, row) -> upload(rs, names))
			.list()
			.stream()
			.collect(Collectors.groupingBy(MaterialUpload::material));
		return new CaseMaterials(file.caseNo().value(), checklist.items().stream().map(item -> {
			List<MaterialUpload> of = uploads.getOrDefault(item.material().code(), List.of());
			return new CaseMaterials.Item(item.material().code(), item.material().name(), item.form(), item.copies(),
					item.requirement(), of.isEmpty(), of);
		}).toList());
	}

	/**
	 * Checks, before the file is read, that the officer may upload {@code material} to the case: it is a case they
	 * may see (404 otherwise), still open (409) and the material is on its checklist (422).
	 */
	public void checkUpload(CaseNo caseNo, String material, CurrentOfficer officer) {
		CaseFile file = this.cases.getVisible(caseNo, officer);
		item(file, material);
	}

	private Checklist.Item item(CaseFile file, String material) {
		if (file.status().isClosed()) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "material-case-closed", "problem.materials.case-closed",
					file.caseNo().value());
		}
		Checklist checklist = checklist(file);
		return checklist.item(material)
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "material-not-on-checklist",
					"problem.materials.not-on-checklist", Problems.shown(material), file.caseNo().value(),
					checklist.isEmpty() ? "（无）"
							: checklist.items()
								.stream()
								.map(i -> i.material().code() + " " + i.material().name())
								.collect(Collectors.joining("；"))));
	}

	/**
	 * Takes a file for a material of the case: the checks of {@link #checkUpload}, then its content
	 * ({@link MaterialContent}); nothing is kept on a refusal. The content is kept once, whoever uploads it for
	 * whichever case; the same content for the same material of the same case is the upload already there.
	 * @param originalName the file's name on the uploader's machine, as the client sent it
	 * @return the upload, and whether it is new
	 */
	@Transactional
	public Uploaded upload(CaseNo caseNo, String material, String originalName, byte[] content, CurrentOfficer officer) {
		CaseFile file = this.cases.getVisible(caseNo, officer);
		Checklist.Item item = item(file, material);
		MaterialContent.Inspected inspected = MaterialContent.inspect(content, this.settings);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		boolean kept = this.jdbc.sql("select exists (select 1 from materials_blob where sha256 = ?)")
			.param(inspected.sha256())
			.query(Boolean.class)
			.single();
		if (!kept) {
			this.jdbc.sql("""
					insert into materials_blob (sha256, media_type, size_bytes, pages, width, height, content, stored_at)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing""")
				.params(inspected.sha256(), inspected.kind().mediaType, content.length, inspected.pages(),
						inspected.width(), inspected.height(), content, now)
				.update();
		}
		Optional<MaterialUpload> earlier = counting(caseNo, material, inspected.sha256(), item);
		if (earlier.isPresent()) {
			return new Uploaded(earlier.get(), false);
		}
		boolean agent = officer.isIn(Groups.DEVELOPER_AGENT);
		boolean online = agent || officer.isIn(Groups.ONLINE_HALL);
		String fileName = MaterialContent.displayName(originalName,
				item.material().name() + inspected.kind().extension);
		int inserted = this.jdbc.sql("""
				insert into materials_upload (id, case_no, material_code, sha256, file_name, uploaded_by, uploaded_by_name,
				                              developer_company_id, channel, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(UUID.randomUUID(), caseNo.value(), material, inspected.sha256(), fileName, officer.id(),
					officer.displayName().equals(officer.id()) ? null : officer.displayName(), agent ? officer.developerCompanyId().orElse(null) : null,
					(online ? Channel.ONLINE : Channel.WINDOW).name(), now)
			.update();
		MaterialUpload upload = counting(caseNo, material, inspected.sha256(), item).orElseThrow();
		return new Uploaded(upload, inserted == 1);
	}

	/**
	 * An upload and whether it was made now.
	 * @param upload the upload
	 * @param created false when the same content was there already for the material
	 */
	public record Uploaded(MaterialUpload upload, boolean created) {
	}

	private Optional<MaterialUpload> counting(CaseNo caseNo, String material, String sha256, Checklist.Item item) {
		return this.jdbc.sql(SELECT + """
				 where u.case_no = ? and u.material_code = ? and u.sha256 = ? and u.withdrawn_at is null""")
			.params(caseNo.value(), material, sha256)
			.query((rs, row) -> upload(rs, Map.of(material, item.material().name())))
			.optional();
	}

	/**
	 * An upload of the case with its content; 404 for a case the officer may not see or an upload not of it.
	 * @param uploadId the upload's id as the address has it
	 */
	public Download download(CaseNo caseNo, String uploadId, CurrentOfficer officer) {
		MaterialUpload upload = find(this.cases.getVisible(caseNo, officer), uploadId);
		byte[] content = this.jdbc.sql("select content from materials_blob where sha256 = ?")
			.param(upload.sha256())
			.query(byte[].class)
			.single();
		this.cases.note(caseNo, DOWNLOADED, officer.id(), agencyOf(officer), upload.materialName() + "：" + upload.fileName());
		return new Download(upload, content);
	}

	/**
	 * 撤回材料: the upload no longer counts for its material. The row stays, marked with who and when, and so does the
	 * content; the case's history says so. Only while the material set is open ({@link #checkChangeable}).
	 * @throws ProblemException 404 for an upload not of a case the officer may see, 409 {@code material-locked} once
	 *         the materials were accepted, 409 {@code material-already-withdrawn}
	 */
	@Transactional
	public MaterialUpload withdraw(CaseNo caseNo, String uploadId, CurrentOfficer officer) {
		MaterialUpload upload = checkChangeable(caseNo, uploadId, officer);
		stillOpen(caseNo, upload);
		markWithdrawn(upload, officer);
		this.cases.note(caseNo, WITHDRAWN, officer.id(), agencyOf(officer), upload.materialName() + "：" + upload.fileName());
		return upload;
	}

	/**
	 * 替换材料: another file for the same material in place of the upload, in one go: the new file is checked as any
	 * upload ({@link #upload}) and, when it is taken, the old one is withdrawn; the case's history names both.
	 * @return the new upload
	 */
	@Transactional
	public Uploaded replace(CaseNo caseNo, String uploadId, String originalName, byte[] content,
			CurrentOfficer officer) {
		MaterialUpload old = checkChangeable(caseNo, uploadId, officer);
		stillOpen(caseNo, old);
		markWithdrawn(old, officer);
		Uploaded uploaded = upload(caseNo, old.material(), originalName, content, officer);
		this.cases.note(caseNo, REPLACED, officer.id(), agencyOf(officer),
				old.materialName() + "：" + old.fileName() + " → " + uploaded.upload().fileName());
		return uploaded;
	}

	/**
	 * Checks, before a file is read, that the upload may be withdrawn or replaced: an upload that counts, of a case the
	 * officer may see, whose materials were not accepted yet (submitted, or a correction round open).
	 * @return the upload
	 */
	public MaterialUpload checkChangeable(CaseNo caseNo, String uploadId, CurrentOfficer officer) {
		CaseFile file = this.cases.getVisible(caseNo, officer);
		MaterialUpload upload = find(file, uploadId);
		Optional<Map.Entry<OffsetDateTime, String>> withdrawn = this.jdbc.sql("""
				select withdrawn_at, withdrawn_by from materials_upload where id = ? and withdrawn_at is not null""")
			.param(upload.id())
			.query((rs, row) -> Map.entry(rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawn_by")))
			.optional();
		if (withdrawn.isPresent()) {
			throw ProblemException.refusal(HttpStatus.CONFLICT, "material-already-withdrawn",
					"problem.materials.already-withdrawn", caseNo.value(), upload.fileName(),
					withdrawn.get().getKey().atZoneSameInstant(this.clock.getZone()).format(MINUTE),
					withdrawn.get().getValue());
		}
		if (!changeable(file)) {
			throw locked(caseNo, upload);
		}
		return upload;
	}

	/** The case's materials still open, the case's row locked until the change commits: an acceptance waits. */
	private void stillOpen(CaseNo caseNo, MaterialUpload upload) {
		if (!changeable(this.cases.lockedStage(caseNo))) {
			throw locked(caseNo, upload);
		}
	}

	private static ProblemException locked(CaseNo caseNo, MaterialUpload upload) {
		return ProblemException.refusal(HttpStatus.CONFLICT, "material-locked", "problem.materials.locked",
				caseNo.value(), upload.materialName() + "：" + upload.fileName());
	}

	private void markWithdrawn(MaterialUpload upload, CurrentOfficer officer) {
		int marked = this.jdbc.sql("""
				update materials_upload set withdrawn_at = ?, withdrawn_by = ? where id = ? and withdrawn_at is null""")
			.params(OffsetDateTime.now(this.clock), officer.id(), upload.id())
			.update();
		if (marked != 1) {
			// withdrawn at the same moment from another counter: the first one was kept
			throw new DoneConcurrently();
		}
	}

	/** The history's words for who acted: an agent for their company, anyone else for the fund centre. */
	private static Agency agencyOf(CurrentOfficer officer) {
		return officer.isIn(Groups.DEVELOPER_AGENT) ? Agency.DEVELOPER : Agency.HPF;
	}

	/** An upload of the case, withdrawn or not; 404 otherwise. */
	private MaterialUpload find(CaseFile file, String uploadId) {
		CaseNo caseNo = file.caseNo();
		UUID id;
		try {
			id = UUID.fromString(uploadId);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(caseNo, uploadId);
		}
		Map<String, String> names = checklist(file).items()
			.stream()
			.collect(Collectors.toMap(i -> i.material().code(), i -> i.material().name()));
		return this.jdbc.sql(SELECT + " where u.case_no = ? and u.id = ?")
			.params(caseNo.value(), id)
			.query((rs, row) -> upload(rs, names))
			.optional()
			.orElseThrow(() -> notFound(caseNo, uploadId));
	}

	private static ProblemException notFound(CaseNo caseNo, String uploadId) {
		return ProblemException.refusal(HttpStatus.NOT_FOUND, "material-not-found", "problem.materials.not-found",
				Problems.shown(caseNo.value()), Problems.shown(uploadId));
	}

	/**
	 * An upload and its bytes.
	 * @param upload what it is
	 * @param content the file as kept
	 */
	public record Download(MaterialUpload upload, byte[] content) {

		/**
		 * The answer that serves it: the type it was kept as and nothing else, as an attachment under a name ending
		 * in its type's extension (RFC 6266 with the RFC 5987 UTF-8 name), not to be sniffed, run or kept by caches.
		 */
		public ResponseEntity<byte[]> toResponse() {
			MaterialContent.Kind kind = MaterialContent.Kind.ofMediaType(this.upload.mediaType());
			String name = MaterialContent.downloadName(this.upload.fileName(), kind);
			String fallback = this.upload.material() + "-" + this.upload.id().toString().substring(0, 8) + kind.extension;
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(kind.mediaType))
				.contentLength(this.content.length)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(name))
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "sandbox; default-src 'none'")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header("X-Content-SHA256", this.upload.sha256())
				.body(this.content);
		}

	}

	/** RFC 5987 {@code value-chars}: attr-char as it is, everything else percent-encoded UTF-8. */
	static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	private Checklist checklist(CaseFile file) {
		return this.services.find(file.serviceType()).map(s -> s.checklist(file)).orElse(Checklist.none());
	}

	private static final String SELECT = """
			select u.id, u.case_no, u.material_code, u.file_name, u.sha256, u.uploaded_by, u.uploaded_by_name,
			       u.developer_company_id, u.channel, u.uploaded_at, b.media_type, b.size_bytes, b.pages, b.width, b.height
			  from materials_upload u join materials_blob b on b.sha256 = u.sha256
			""";

	private static MaterialUpload upload(ResultSet rs, Map<String, String> names) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String caseNo = rs.getString("case_no");
		String material = rs.getString("material_code");
		return new MaterialUpload(id, caseNo, material, names.getOrDefault(material, material), rs.getString("file_name"),
				rs.getString("media_type"), rs.getInt("size_bytes"), (Integer) rs.getObject("pages"),
				(Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getString("sha256"),
				rs.getString("uploaded_by"), rs.getString("uploaded_by_name"), rs.getString("developer_company_id"),
				rs.getString("channel"), rs.getObject("uploaded_at", OffsetDateTime.class),
				URI.create("/api/cases/" + caseNo + "/materials/" + id));
	}

}
