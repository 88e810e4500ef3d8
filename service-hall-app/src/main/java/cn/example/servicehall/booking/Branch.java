package cn.example.servicehall.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * 网点: a place where citizens are received, with its counters and how it books appointments.
 *
 * @param code the centre's code ({@code HQ}), as {@code servicehall.intake.branches} names it
 * @param name its name ({@code 市民之家综合服务大厅})
 * @param address where it is
 * @param windows how many counters (窗口) it has, numbered from 1
 * @param slotMinutes how long one appointment slot is
 * @param signingWindows the windows that sign appointments (面签), in order; the others serve walk-ins
 */
public record Branch(String code, String name, String address, int windows, int slotMinutes,
		List<Integer> signingWindows) {

	public Branch {
		signingWindows = List.copyOf(signingWindows);
	}

	/** How many appointments one slot seats: one per window open for signing. */
	@JsonProperty("capacityPerSlot")
	public int capacityPerSlot() {
		return this.signingWindows.size();
	}

	/** Whether the window signs appointments, and so calls appointment holders before walk-ins. */
	public boolean signs(int window) {
		return this.signingWindows.contains(window);
	}

}
