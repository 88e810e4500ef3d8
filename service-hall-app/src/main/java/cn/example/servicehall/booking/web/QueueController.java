package cn.example.servicehall.booking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.booking.Queue;
import cn.example.servicehall.booking.QueueBoard;
import cn.example.servicehall.booking.Ticket;
import cn.example.servicehall.identity.CurrentOfficer;

@RestController
@RequestMapping("/api/queue")
@Tag(name = "Queue", description = "取号与叫号: check-in of appointment holders (Y001…), walk-ins (W001…), calling the "
		+ "next number to a window")
class QueueController {

	private final Queue queue;

	QueueController(Queue queue) {
		this.queue = queue;
	}

	/** @param caseNo the case whose booking is today */
	record CheckIn(String caseNo) {
	}

	/** @param branch the branch's code */
	record WalkIn(String branch) {
	}

	/** @param window the window calling */
	record Call(Integer window) {
	}

	@PostMapping("/check-ins")
	@Operation(summary = "预约签到: the appointment holder of today's booking of the case draws a Y number "
			+ "(201; checking in again answers the same number with 200)")
	ResponseEntity<Ticket> checkIn(@RequestBody CheckIn request, CurrentOfficer officer) {
		Queue.Drawn drawn = this.queue.checkIn(request.caseNo(), officer);
		return ResponseEntity.status(drawn.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(drawn.ticket());
	}

	@PostMapping("/walk-ins")
	@Operation(summary = "现场取号: a walk-in's W number at the branch today")
	ResponseEntity<Ticket> walkIn(@RequestBody WalkIn request, CurrentOfficer officer) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.queue.walkIn(request.branch(), officer).ticket());
	}

	@PostMapping("/{branch}/calls")
	@Operation(summary = "叫号: calls the next waiting number to the window, appointment holders first; 204 when nobody "
			+ "waits")
	ResponseEntity<Ticket> callNext(@PathVariable String branch, @RequestBody Call request, CurrentOfficer officer) {
		return this.queue.callNext(branch, request.window(), officer)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/{branch}")
	@Operation(summary = "The branch's queue today: the latest calls and the numbers waiting (numbers and windows only)")
	QueueBoard board(@PathVariable String branch) {
		return this.queue.board(branch);
	}

}
