package cn.example.servicehall.intake.web;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.CasePage;
import cn.example.servicehall.intake.CaseSearch;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseView;

@RestController
@RequestMapping("/api/cases")
@Validated
@Tag(name = "Cases", description = "办件: any service's case, with the status history of every agency's step")
class CaseController {

	private final CaseFiles cases;

	private final CaseServices services;

	CaseController(CaseFiles cases, CaseServices services) {
		this.cases = cases;
		this.services = services;
	}

	/**
	 * A page of cases.
	 * @param total how many cases the officer may see in all (that the search finds)
	 * @param items this page, newest first
	 */
	record CaseList(long total, int page, int size, List<CaseView> items) {
	}

	@GetMapping
	@Operation(summary = "The cases the officer may see, newest first (a developer agent: their company's only)")
	CaseList list(@Parameter(description = "Only cases in this status: a lifecycle status (SUBMITTED, AWAITING_MATERIALS, "
			+ "ACCEPTED, IN_PROGRESS, COMPLETED, REJECTED, WITHDRAWN, CANCELLED) or a service's stage (APPROVED)")
			@RequestParam Optional<String> status,
			@Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Cases a page, 1 to 200") @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
			@Parameter(description = CaseSearch.DESCRIPTION) @RequestParam(required = false)
			@Size(max = CaseSearch.MAX_LENGTH) String q,
			CurrentOfficer officer) {
		Optional<CaseStage> stage = status.map(name -> this.services.stageNamed(name)
			.orElseThrow(() -> ProblemException.refusal(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"problem.intake.invalid-status", Problems.shown(name))));
		CasePage found = this.cases.list(officer, stage, CaseSearch.parse(q), page, size);
		return new CaseList(found.total(), page, size,
				found.items().stream().map(file -> CaseView.of(file, List.of())).toList());
	}

	@GetMapping("/{caseNo}")
	@Operation(summary = "A case with its status history")
	CaseView show(@PathVariable String caseNo, CurrentOfficer officer) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		CaseNo number = new CaseNo(caseNo);
		CaseFile file = this.cases.getVisible(number, officer);
		return CaseView.of(file, this.cases.history(number));
	}

}
