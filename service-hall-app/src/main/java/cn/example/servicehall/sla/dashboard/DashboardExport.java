package cn.example.servicehall.sla.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cn.example.servicehall.sla.dashboard.DashboardFigures.Share;

/**
 * The dashboard's figures as a spreadsheet: CSV (UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese
 * right) or Excel (.xlsx, a sheet per table). The tables are the page's: 概况, 环节时限, 周趋势, 预警清单.
 */
public final class DashboardExport {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DashboardFigures figures;

	private final Function<String, String> names;

	private final ZoneId zone;

	/**
	 * @param figures what to export
	 * @param names the words for codes (agencies, branches, services, units), e.g. {@code agency.BANK} → 受托银行
	 * @param zone the hall's time zone
	 */
	public DashboardExport(DashboardFigures figures, Function<String, String> names, ZoneId zone) {
		this.figures = figures;
		this.names = names;
		this.zone = zone;
	}

	/** A table: its title, header and rows. */
	record Table(String title, List<String> header, List<List<Object>> rows) {
	}

	List<Table> tables() {
		DashboardQuery q = this.figures.query();
		List<Table> tables = new ArrayList<>();
		List<List<Object>> summary = new ArrayList<>();
		summary.add(List.of("统计期间", q.from() + " 至 " + q.to()));
		summary.add(List.of("部门", q.agency().map(a -> this.names.apply("workbench.agency." + a.name())).orElse("全部")));
		summary.add(List.of("网点", q.branch().map(b -> this.names.apply("branch." + b)).orElse("全部")));
		summary.add(List.of("收件数", this.figures.cases().in()));
		summary.add(List.of("办结数（含不予办理、撤回）", this.figures.cases().out()));
		summary.add(List.of("其中办结", this.figures.cases().completed()));
		summary.add(List.of("离柜率（网上申请占比，%）", percent(this.figures.cases().onlineShare())));
		summary.add(List.of("最多跑一次办结率（%）", percent(this.figures.cases().oneVisitRate())));
		summary.add(List.of("时限内办结率（%）", percent(this.figures.withinLimit())));
		summary.add(List.of("即将到期（黄灯）", this.figures.live().yellow()));
		summary.add(List.of("已超时（红灯）", this.figures.live().red()));
		summary.add(List.of("统计时间", this.figures.asOf().atZoneSameInstant(this.zone).format(MINUTES)));
		for (DashboardFigures.ServiceCases service : this.figures.services()) {
			summary.add(List.of(this.names.apply("service." + service.service()) + "：收件 / 办结",
					service.cases().in() + " / " + service.cases().out()));
			// each variant under its service (a withdrawal's types), in the service's own words
			for (DashboardFigures.VariantCases variant : service.variants()) {
				String name = service.name() + " · " + variant.name();
				DashboardFigures.Cases c = variant.cases();
				summary.add(List.of(name + "：收件 / 网上申请 / 办结 / 其中办结",
						c.in() + " / " + c.online() + " / " + c.out() + " / " + c.completed()));
				summary.add(List.of(name + "：离柜率 / 最多跑一次办结率（%）",
						percentText(c.onlineShare()) + " / " + percentText(c.oneVisitRate())));
			}
		}
		tables.add(new Table("概况", List.of("指标", "数值"), summary));

		List<List<Object>> stages = new ArrayList<>();
		for (DashboardFigures.Stage s : this.figures.stages()) {
			stages.add(List.of(s.name(), this.names.apply("workbench.agency." + s.agency().name()),
					s.limit() + " " + this.names.apply("dashboard.unit." + s.limitUnit()), s.clocks(), s.met(),
					percent(s.withinLimit()), decimal(s.median()), decimal(s.p90()),
					this.names.apply("dashboard.unit." + s.unit())));
		}
		tables.add(new Table("环节时限", List.of("环节", "部门", "时限", "办结笔数", "时限内", "时限内办结率（%）", "中位数",
				"90% 分位数", "单位"), stages));

		List<List<Object>> bundles = new ArrayList<>();
		for (DashboardFigures.BundleFigures b : this.figures.bundles()) {
			Optional<DashboardFigures.Stage> t = b.turnaround();
			StringBuilder agencies = new StringBuilder();
			b.agencies().forEach(a -> agencies.append(agencies.isEmpty() ? "" : "；")
				.append(this.names.apply("workbench.agency." + a.agency().name())).append(' ')
				.append(percentText(a.withinLimit())).append("%（").append(a.clocks()).append('）'));
			bundles.add(List.of(b.name(), b.limitWorkingDays(), b.cases().in(), b.cases().out(), b.cases().completed(),
					b.cases().completedOneVisit(), percent(b.cases().oneVisitRate()),
					t.<Object>map(DashboardFigures.Stage::clocks).orElse(""),
					t.map(s -> percent(s.withinLimit())).orElse(""), t.map(s -> decimal(s.median())).orElse(""),
					t.map(s -> decimal(s.p90())).orElse(""), agencies.toString()));
		}
		tables.add(new Table("一件事一次办", List.of("一件事", "时限（工作日）", "收件", "办结", "其中办结", "一次办结",
				"最多跑一次办结率（%）", "办结用时笔数", "时限内办结率（%）", "中位数（工作日）", "90% 分位数（工作日）",
				"各部门环节时限内办结率（笔数）"), bundles));

		List<List<Object>> weeks = new ArrayList<>();
		for (DashboardFigures.Week w : this.figures.weeks()) {
			weeks.add(List.of(w.monday().toString(), w.casesIn(), w.casesOut(), percent(w.onlineShare()), w.clocks(),
					percent(w.withinLimit())));
		}
		tables.add(new Table("周趋势", List.of("周（周一）", "收件", "办结", "离柜率（%）", "环节办结", "时限内办结率（%）"), weeks));

		List<List<Object>> live = new ArrayList<>();
		for (DashboardFigures.LiveClock c : this.figures.live().clocks()) {
			live.add(List.of(c.caseNo(), c.name(), this.names.apply("workbench.agency." + c.agency().name()),
					this.names.apply("branch." + c.branch()), c.startedAt().atZoneSameInstant(this.zone).format(MINUTES),
					c.dueAt().atZoneSameInstant(this.zone).format(MINUTES),
					c.colour() == cn.example.servicehall.sla.SlaClock.Colour.RED ? "已超时" : "即将到期"));
		}
		tables.add(new Table("预警清单", List.of("办件编号", "环节", "部门", "网点", "开始", "到期", "状态"), live));
		return tables;
	}

	private static Object percent(Share share) {
		return share.percent().<Object>map(p -> p).orElse("");
	}

	private static String percentText(Share share) {
		return share.percent().map(BigDecimal::toPlainString).orElse("-");
	}

	private static Object decimal(Optional<BigDecimal> value) {
		return value.<Object>map(v -> v).orElse("");
	}

	/** CSV: the tables one after another, each under its title, a blank line between them. */
	public void csv(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		boolean first = true;
		for (Table table : tables()) {
			if (!first) {
				writer.write("\r\n");
			}
			first = false;
			line(writer, List.of(table.title()));
			line(writer, new ArrayList<>(table.header()));
			for (List<Object> row : table.rows()) {
				line(writer, row);
			}
		}
		writer.flush();
	}

	private static void line(Writer writer, List<?> cells) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			String cell = cells.get(i) instanceof BigDecimal d ? d.toPlainString() : String.valueOf(cells.get(i));
			// a cell a spreadsheet would take for a formula is quoted with a leading apostrophe (CSV injection)
			if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !(cells.get(i) instanceof Number)) {
				cell = "'" + cell;
			}
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				cell = '"' + cell.replace("\"", "\"\"") + '"';
			}
			line.append(cell);
		}
		writer.write(line.append("\r\n").toString());
	}

	/** Excel: a sheet per table, numbers as numbers. */
	public void xlsx(OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Service Hall", "1.0");
		for (Table table : tables()) {
			Worksheet sheet = workbook.newWorksheet(table.title());
			for (int c = 0; c < table.header().size(); c++) {
				sheet.value(0, c, table.header().get(c));
				sheet.style(0, c).bold().fillColor("DDEBF7").set();
			}
			for (int r = 0; r < table.rows().size(); r++) {
				List<Object> row = table.rows().get(r);
				for (int c = 0; c < row.size(); c++) {
					Object cell = row.get(c);
					if (cell instanceof Number n) {
						sheet.value(r + 1, c, n);
					}
					else {
						sheet.value(r + 1, c, String.valueOf(cell));
					}
				}
			}
			sheet.width(0, 28);
			for (int c = 1; c < table.header().size(); c++) {
				sheet.width(c, 16);
			}
			sheet.freezePane(0, 1);
		}
		workbook.finish();
	}

}
