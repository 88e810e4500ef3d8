package cn.example.servicehall.materials.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.materials.CaseMaterials;
import cn.example.servicehall.materials.MaterialUpload;
import cn.example.servicehall.materials.Materials;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;
import cn.example.servicehall.platform.web.ProblemException;

@RestController
@RequestMapping("/api/cases/{caseNo}/materials")
@Tag(name = "Case materials", description = "申请材料: files uploaded for the materials on a case's checklist")
class MaterialsController {

	/** Room in a request for the multipart envelope around the file (boundaries, part headers, the file's name). */
	private static final long ENVELOPE = 64 * 1024;

	private final Materials materials;

	private final IdempotentRequests idempotent;

	MaterialsController(Materials materials, IdempotentRequests idempotent) {
		this.materials = materials;
		this.idempotent = idempotent;
	}

	/** The multipart form, for the API's description. */
	record UploadForm(@Schema(type = "string", format = "binary",
			description = "the file: PDF, JPEG or PNG, recognised by its content") String file) {
	}

	@PostMapping(path = "/{material}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Uploads a file for a material of the case's checklist (multipart field file)",
			description = "PDF, JPEG or PNG only, recognised by content and parsed; at most servicehall.materials.max-size"
					+ " (10 MB), a PDF at most max-pdf-pages pages without a password, an image at least 600 × 400 pixels."
					+ " Each refusal has its own problem type (material-type-not-accepted, material-too-large,"
					+ " material-empty, material-pdf-encrypted, material-pdf-damaged, material-too-many-pages,"
					+ " material-image-too-small, material-image-damaged, material-not-on-checklist, case-not-found)"
					+ " and nothing is kept. 201 with the upload; 200 with the upload already there when the same content"
					+ " was uploaded for the material before. A retry with the same Idempotency-Key records nothing new.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = UploadForm.class))))
	ResponseEntity<?> upload(@PathVariable String caseNo, @PathVariable String material,
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey, CurrentOfficer officer,
			HttpServletRequest request) {
		CaseNo number = caseNo(caseNo);
		// everything that needs no body first, so that a refused request is answered before its body is read
		this.materials.checkUpload(number, material, officer);
		MultipartFile file = file(request);
		byte[] content = bytes(file);
		Fingerprint fingerprint = new Fingerprint(number.value(), material, Materials.sha256(content),
				file.getOriginalFilename());
		return this.idempotent.once(idempotencyKey, officer.id() + " materials.upload", fingerprint, () -> {
			Materials.Uploaded uploaded = this.materials.upload(number, material, file.getOriginalFilename(), content,
					officer);
			MaterialUpload upload = uploaded.upload();
			return uploaded.created() ? ResponseEntity.created(upload.download()).body(upload)
					: ResponseEntity.ok().location(upload.download()).body(upload);
		});
	}

	/** What a retry must repeat to replay the kept answer. */
	record Fingerprint(String caseNo, String material, String sha256, String fileName) {
	}

	@PostMapping("/{uploadId}/withdrawal")
	@Operation(summary = "Withdraws an upload: it no longer counts for its material",
			description = "Until the fund centre accepts the case's materials, or while a correction round is open;"
					+ " then 409 material-locked. The upload is kept, marked withdrawn with who and when, and the case's"
					+ " history says so. 200 with the upload as it was; 409 material-already-withdrawn the second time.")
	MaterialUpload withdraw(@PathVariable String caseNo, @PathVariable String uploadId, CurrentOfficer officer) {
		return this.materials.withdraw(caseNo(caseNo), uploadId, officer);
	}

	@PostMapping(path = "/{uploadId}/replacement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Replaces an upload by another file for the same material (multipart field file)",
			description = "The new file is checked as any upload and the old one withdrawn, in one go; when the new file"
					+ " is refused, the old one still counts. When an upload may be replaced: as for a withdrawal."
					+ " 201 with the new upload.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = UploadForm.class))))
	ResponseEntity<?> replace(@PathVariable String caseNo, @PathVariable String uploadId,
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey, CurrentOfficer officer,
			HttpServletRequest request) {
		CaseNo number = caseNo(caseNo);
		this.materials.checkChangeable(number, uploadId, officer);
		MultipartFile file = file(request);
		byte[] content = bytes(file);
		Fingerprint fingerprint = new Fingerprint(number.value(), uploadId, Materials.sha256(content),
				file.getOriginalFilename());
		return this.idempotent.once(idempotencyKey, officer.id() + " materials.replace", fingerprint, () -> {
			MaterialUpload upload = this.materials.replace(number, uploadId, file.getOriginalFilename(), content,
					officer).upload();
			return ResponseEntity.created(upload.download()).body(upload);
		});
	}

	@GetMapping
	@Operation(summary = "The case's checklist with what was uploaded for each item; missing ones marked")
	CaseMaterials list(@PathVariable String caseNo, CurrentOfficer officer) {
		return this.materials.of(caseNo(caseNo), officer);
	}

	@GetMapping("/{uploadId}")
	@Operation(summary = "An uploaded file, as kept: application/pdf, image/jpeg or image/png, as an attachment",
			description = "Content-Disposition: attachment with an RFC 5987 file name, X-Content-Type-Options: nosniff,"
					+ " Content-Security-Policy: sandbox; the browser never runs it.")
	ResponseEntity<byte[]> download(@PathVariable String caseNo, @PathVariable String uploadId, CurrentOfficer officer) {
		return this.materials.download(caseNo(caseNo), uploadId, officer).toResponse();
	}

	/** The request's file, refused as too large before its body is read when its length says so. */
	private MultipartFile file(HttpServletRequest request) {
		long maxBytes = this.materials.settings().maxSize().toBytes();
		if (request.getContentLengthLong() > maxBytes + ENVELOPE) {
			throw tooLarge();
		}
		MultipartFile file = part(request);
		if (file.getSize() > maxBytes) {
			throw tooLarge();
		}
		return file;
	}

	private MultipartFile part(HttpServletRequest request) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		MultipartFile file;
		try {
			file = multipart == null ? null : multipart.getFile("file");
		}
		catch (MaxUploadSizeExceededException ex) {
			throw tooLarge();
		}
		if (file == null) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "material-file-missing",
					"problem.materials.file-missing");
		}
		return file;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ProblemException tooLarge() {
		return this.materials.tooLarge();
	}

	private static CaseNo caseNo(String caseNo) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		return new CaseNo(caseNo);
	}

}
