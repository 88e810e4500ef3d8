package cn.example.servicehall.developer.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.developer.DeveloperCompany;
import cn.example.servicehall.developer.DeveloperRequests;
import cn.example.servicehall.developer.Developers;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

@RestController
@RequestMapping("/api/developers")
@Tag(name = "Developers", description = "房地产开发企业: companies, their projects (楼盘) with pre-sale permit and escrow "
		+ "account, and their agents; administered by hall managers")
class DeveloperController {

	private final Developers developers;

	DeveloperController(Developers developers) {
		this.developers = developers;
	}

	@GetMapping
	@Operation(summary = "Every registered developer company with its projects and agents")
	List<DeveloperCompany> companies() {
		return this.developers.companies();
	}

	@GetMapping("/{uscc}")
	@Operation(summary = "A developer company by its unified social credit code")
	DeveloperCompany company(@PathVariable String uscc) {
		return this.developers.company(uscc);
	}

	@PostMapping
	@Operation(summary = "Register a developer company (USCC checked per GB 32100; 409 when already registered)")
	@ApiResponse(responseCode = "201", description = "registered")
	@ApiResponse(responseCode = "400", description = "a field is missing or malformed, e.g. the credit code's check character",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "duplicate-developer: the code or the name is registered",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<DeveloperCompany> register(@Valid @RequestBody DeveloperRequests.NewCompany body, CurrentOfficer officer) {
		DeveloperCompany company = this.developers.register(body, officer);
		return ResponseEntity.created(URI.create("/api/developers/" + company.uscc())).body(company);
	}

	@PutMapping("/{uscc}")
	@Operation(summary = "Change a company's name, or suspend it (SUSPENDED) and reinstate it (ACTIVE)")
	DeveloperCompany change(@PathVariable String uscc, @Valid @RequestBody DeveloperRequests.CompanyChange body,
			CurrentOfficer officer) {
		return this.developers.change(uscc, body, officer);
	}

	@PutMapping("/{uscc}/projects/{code}")
	@Operation(summary = "Add or change a project (楼盘): pre-sale permit in force, escrow account (监管账户)")
	@ApiResponse(responseCode = "200", description = "saved; the company with its projects")
	@ApiResponse(responseCode = "400", description = "a field is missing or malformed, e.g. the escrow account number",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "duplicate-project or duplicate-permit",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "permit-expired: a project on sale needs a permit in force",
			content = @Content(mediaType = "application/problem+json"))
	DeveloperCompany saveProject(@PathVariable String uscc, @PathVariable String code,
			@Valid @RequestBody DeveloperRequests.Project body, CurrentOfficer officer) {
		if (!code.equalsIgnoreCase(body.code().strip())) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "project-code-mismatch",
					"problem.developer.project-code-mismatch", Problems.shown(code), Problems.shown(body.code()));
		}
		return this.developers.saveProject(uscc, body, officer);
	}

	@PutMapping("/{uscc}/agents/{username}")
	@Operation(summary = "List an agent (sign-in name) as acting for the company; an agent acts for one company")
	DeveloperCompany addAgent(@PathVariable String uscc, @PathVariable String username, CurrentOfficer officer) {
		return this.developers.addAgent(uscc, valid(username), officer);
	}

	@DeleteMapping("/{uscc}/agents/{username}")
	@Operation(summary = "Remove an agent from the company")
	DeveloperCompany removeAgent(@PathVariable String uscc, @PathVariable String username, CurrentOfficer officer) {
		return this.developers.removeAgent(uscc, username, officer);
	}

	private static String valid(String username) {
		if (!username.matches("[A-Za-z0-9._@-]{1,100}")) {
			throw ProblemException.refusal(HttpStatus.BAD_REQUEST, "agent-name", "problem.developer.agent-name",
					Problems.shown(username));
		}
		return username;
	}

}
