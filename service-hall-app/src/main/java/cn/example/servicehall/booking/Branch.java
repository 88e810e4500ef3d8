package cn.example.servicehall.booking;

/**
 * 网点: a place where citizens are received, with its counters and how it books appointments.
 *
 * @param code the centre's code ({@code HQ}), as {@code servicehall.intake.branches} names it
 * @param name its name ({@code 市民之家综合服务大厅})
 * @param address where it is
 * @param windows how many counters (窗口) it has, numbered from 1
 * @param slotMinutes how long one appointment slot is
 * @param capacityPerSlot how many appointments one slot takes
 */
public record Branch(String code, String name, String address, int windows, int slotMinutes, int capacityPerSlot) {
}
