/**
 * 管理看板: the managers' dashboard over the hall's cases and clocks (cases in and out, turnaround per stage, the share
 * within limits, the live yellow and red list, the one-visit rate and the online share, the weekly trend)
 * and its exports. The generator of historic cases it is measured on is a test tool ({@code HistoryGenerator} in the
 * test sources).
 */
@org.springframework.modulith.NamedInterface("dashboard")
package cn.example.servicehall.sla.dashboard;
