package cn.example.servicehall.workflow.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.workflow.TaskInbox;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "待办: the signed-in officer's inbox, claim and unclaim")
class TaskController {

	private final TaskInbox inbox;

	TaskController(TaskInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "Open steps of the officer's posts, claimed by them or unclaimed, due first")
	List<TaskInbox.OpenTask> inbox(CurrentOfficer officer) {
		return this.inbox.openTasks(officer);
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
