package cn.example.servicehall.booking.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import cn.example.servicehall.booking.Branch;
import cn.example.servicehall.booking.Branches;
import cn.example.servicehall.booking.Queue;
import cn.example.servicehall.booking.QueueBoard;

/**
 * 叫号屏: the calling screen on the hall's wall, open without signing in and read-only. It shows numbers and windows,
 * never a name, an ID number or a case number. The page asks for the board every two seconds with the last ETag it
 * got; an unchanged board answers 304, and a changed one is drawn in place without reloading the page.
 */
@Controller
class HallScreenController {

	private final Branches branches;

	private final Queue queue;

	HallScreenController(Branches branches, Queue queue) {
		this.branches = branches;
		this.queue = queue;
	}

	/**
	 * What the calling screen shows: the latest calls and how many wait.
	 *
	 * @param branch the branch's code
	 * @param branchName its name
	 * @param day today
	 * @param calls the latest calls, the newest first
	 * @param waiting how many numbers wait
	 */
	record ScreenBoard(String branch, String branchName, LocalDate day, List<QueueBoard.Call> calls, int waiting) {
	}

	@GetMapping("/hall/screen")
	String screen(@RequestParam(required = false) String branch, Model model) {
		Branch shown = branch(branch);
		model.addAttribute("branch", shown);
		return "booking/screen";
	}

	@GetMapping("/hall/screen/board")
	@ResponseBody
	ResponseEntity<ScreenBoard> board(@RequestParam(required = false) String branch, WebRequest request) {
		QueueBoard board = this.queue.board(branch(branch).code());
		ScreenBoard screen = new ScreenBoard(board.branch(), board.branchName(), board.day(), board.calls(),
				board.waiting().size());
		String etag = "\"" + Integer.toHexString(screen.hashCode()) + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(screen);
	}

	private Branch branch(String code) {
		return this.branches.findOrFirst(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
