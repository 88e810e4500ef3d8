package cn.example.servicehall.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A branch's queue today, as the calling screen and the counters show it: numbers and windows, nobody's name.
 *
 * @param branch the branch's code
 * @param branchName its name
 * @param day today
 * @param calls the numbers called, the latest first (at most {@link Queue#CALLS_SHOWN})
 * @param waiting the numbers waiting, in the order they will be called
 */
public record QueueBoard(String branch, String branchName, LocalDate day, List<Call> calls, List<String> waiting) {

	/**
	 * A number called to a window.
	 *
	 * @param number the number
	 * @param window the window
	 * @param calledAt when
	 */
	@Schema(name = "QueueCall")
	public record Call(String number, int window, OffsetDateTime calledAt) {
	}

}
