package cn.example.servicehall.workbench;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.workflow.TaskInbox;

/** The start page: who is signed in, their posts, their inbox, the cases they may see. */
@Controller
class WorkbenchController {

	private final TaskInbox inbox;

	private final CaseFiles cases;

	WorkbenchController(TaskInbox inbox, CaseFiles cases) {
		this.inbox = inbox;
		this.cases = cases;
	}

	@GetMapping("/")
	String workbench(CurrentOfficer officer, Model model) {
		model.addAttribute("officer", officer);
		model.addAttribute("tasks", this.inbox.openTasks(officer));
		model.addAttribute("cases", this.cases.list(officer, Optional.empty(), 0, 20));
		model.addAttribute("consoles", officer.isIn(Groups.SYSTEM_ADMIN) || officer.isIn(Groups.HALL_MANAGER));
		return "workbench/home";
	}

}
