package cn.example.servicehall.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.intake.CaseView;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "办件: any service's case, with the status history of every agency's step")
class CaseController {

	private final CaseFiles cases;

	CaseController(CaseFiles cases) {
		this.cases = cases;
	}

	@GetMapping("/{caseNo}")
	@Operation(summary = "A case with its status history")
	CaseView show(@PathVariable String caseNo) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		CaseNo number = new CaseNo(caseNo);
		CaseFile file = this.cases.get(number);
		return CaseView.of(file, this.cases.history(number));
	}

}
