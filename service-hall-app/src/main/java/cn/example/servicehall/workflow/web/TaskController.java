package cn.example.servicehall.workflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseSearch;
import cn.example.servicehall.workflow.TaskInbox;

@RestController
@RequestMapping("/api/tasks")
@Validated
@Tag(name = "Tasks", description = "待办: the signed-in officer's inbox, claim and unclaim")
class TaskController {

	private final TaskInbox inbox;

	private final CaseFiles cases;

	TaskController(TaskInbox inbox, CaseFiles cases) {
		this.inbox = inbox;
		this.cases = cases;
	}

	@GetMapping
	@Operation(summary = "Open steps of the officer's posts, claimed by them or unclaimed, due first, a page at a time",
			description = "The body is the page's steps as a list, as before paging came; the headers say how many "
					+ "there are in all (X-Total-Count) and link to the previous and next page (Link, RFC 8288). "
					+ "Without parameters: the first 500 steps.")
	@ApiResponse(responseCode = "200", description = "The page's steps",
			headers = { @Header(name = "X-Total-Count", description = "Open steps in all (matching q)"),
					@Header(name = "Link", description = "rel=\"prev\" and rel=\"next\" pages, when there are") })
	ResponseEntity<List<TaskInbox.OpenTask>> inbox(
			@Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Steps a page, 1 to 500") @RequestParam(defaultValue = "500") @Min(1)
			@Max(TaskInbox.MAX_PAGE_SIZE) int size,
			@Parameter(description = CaseSearch.DESCRIPTION) @RequestParam(required = false)
			@Size(max = CaseSearch.MAX_LENGTH) String q,
			CurrentOfficer officer) {
		Optional<CaseSearch> search = CaseSearch.parse(q);
		Optional<List<String>> caseNumbers = search
			.map(s -> this.cases.openCaseNumbers(officer, s, TaskInbox.MAX_CASES).stream().map(CaseNo::value).toList());
		TaskInbox.InboxPage found = this.inbox.page(officer, caseNumbers, page, size);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.total()));
		List<String> links = new ArrayList<>();
		if (page > 0 && found.total() > 0) {
			links.add(link(Math.min(page - 1, (int) ((found.total() - 1) / size)), "prev"));
		}
		if ((long) (page + 1) * size < found.total()) {
			links.add(link(page + 1, "next"));
		}
		if (!links.isEmpty()) {
			answer.header(HttpHeaders.LINK, String.join(", ", links));
		}
		return answer.body(found.items());
	}

	private static String link(int page, String rel) {
		return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString()
				+ ">; rel=\"" + rel + "\"";
	}

	@PostMapping("/{taskId}/claim")
	@Operation(summary = "Claim a step (认领)")
	ResponseEntity<Void> claim(@PathVariable String taskId, CurrentOfficer officer) {
		this.inbox.claim(taskId, officer);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{taskId}/unclaim")
	@Operation(summary = "Give a claimed step back to the post (退回待办)")
	ResponseEntity<Void> unclaim(@PathVariable String taskId, CurrentOfficer officer) {
		this.inbox.unclaim(taskId, officer);
		return ResponseEntity.noContent().build();
	}

}
