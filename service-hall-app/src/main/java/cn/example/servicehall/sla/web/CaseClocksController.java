package cn.example.servicehall.sla.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.sla.SlaClock;
import cn.example.servicehall.sla.SlaClocks;

@RestController
@Tag(name = "SLA clocks", description = "时限: each step's and each span's clock of a case, with its colour now")
class CaseClocksController {

	private final SlaClocks clocks;

	private final CaseFiles cases;

	CaseClocksController(SlaClocks clocks, CaseFiles cases) {
		this.clocks = clocks;
		this.cases = cases;
	}

	@GetMapping("/api/cases/{caseNo}/sla")
	@Operation(summary = "The case's SLA clocks, oldest first: limit, due date, suspension, outcome, colour")
	List<SlaClock> clocks(@PathVariable String caseNo, CurrentOfficer officer) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		CaseNo number = new CaseNo(caseNo);
		this.cases.getVisible(number, officer);
		return this.clocks.ofCase(number);
	}

}
