package cn.example.servicehall.agencies.fake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.AgencyRefused;
import cn.example.servicehall.agencies.AgencyRefused.Reason;
import cn.example.servicehall.agencies.TaxBureau;
import cn.example.servicehall.agencies.fake.FakeOutages.FakeSystem;

/**
 * The tax bureau's deed tax on {@code fake_deed_tax_assessment}: the sale read from the housing authority's
 * {@code fake_resale_filing}, the family's homes counted in the registry's {@code fake_registry_owner}, the rate from
 * {@link DeedTaxRates}.
 */
@Component
class FakeTaxBureau implements TaxBureau {

	private static final String SYSTEM = FakeSystem.TAX_BUREAU.name();

	private final JdbcClient jdbc;

	private final FakeCalls calls;

	private final Clock clock;

	FakeTaxBureau(JdbcClient jdbc, FakeCalls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	@Override
	public DeedTaxAssessment assessDeedTax(String filingNo, List<String> familyIdNumbers) {
		return this.calls.change(FakeSystem.TAX_BUREAU, status -> {
			Sale sale = this.jdbc.sql("select filing_no, certificate_no, price, floor_area, status from fake_resale_filing where filing_no = ? for update")
				.param(filingNo)
				.query((rs, row) -> new Sale(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getString(5)))
				.optional()
				.filter(found -> "FILED".equals(found.status()))
				.orElseThrow(() -> new AgencyRefused(SYSTEM, Reason.FILING_NOT_IN_FORCE, "网签备案 " + filingNo
						+ " 不存在或已注销，不能核定契税。 The sale's filing is unknown or withdrawn."));
			Optional<DeedTaxAssessment> made = live(sale.filingNo());
			if (made.isPresent()) {
				return made.get();
			}
			Set<String> family = new LinkedHashSet<>(this.jdbc
				.sql("select id_no from fake_resale_filing_party where filing_no = ? and role = 'BUYER' order by seq")
				.param(sale.filingNo()).query(String.class).list());
			familyIdNumbers.stream().map(id -> id.strip().toUpperCase(java.util.Locale.ROOT)).forEach(family::add);
			int homes = this.jdbc.sql("""
					select count(distinct certificate_no) from fake_registry_owner
					 where id_no in (:family) and certificate_no <> :bought""")
				.param("family", family)
				.param("bought", sale.certificateNo())
				.query(Integer.class).single();
			HomeCategory category = DeedTaxRates.category(homes);
			BigDecimal rate = DeedTaxRates.rate(category, sale.floorArea());
			LocalDate today = LocalDate.now(this.clock);
			this.jdbc.sql("""
					insert into fake_deed_tax_assessment (assessment_no, filing_no, tax_base, floor_area, homes_owned,
					                                      category, rate, amount, assessed_on, status)
					values (:no, :filing, :base, :area, :homes, :category, :rate, :amount, :today, 'ASSESSED')""")
				.param("no", "QS" + today.toString().replace("-", "")
						+ String.format("%06d", this.jdbc.sql("select nextval('fake_deed_tax_seq')").query(Long.class).single()))
				.param("filing", sale.filingNo())
				.param("base", sale.price())
				.param("area", sale.floorArea())
				.param("homes", homes)
				.param("category", category.name())
				.param("rate", rate)
				.param("amount", DeedTaxRates.tax(sale.price(), rate))
				.param("today", today)
				.update();
			return live(sale.filingNo()).orElseThrow();
		});
	}

	@Override
	public Optional<DeedTaxAssessment> assessment(String assessmentNo) {
		return this.calls.read(FakeSystem.TAX_BUREAU, status -> find("assessment_no = ?", assessmentNo));
	}

	@Override
	public DeedTaxAssessment recordPayment(String assessmentNo, BigDecimal amount) {
		if (amount == null || amount.signum() <= 0) {
			throw new IllegalArgumentException("a payment is a positive amount: " + amount);
		}
		return this.calls.change(FakeSystem.TAX_BUREAU, status -> {
			DeedTaxAssessment assessment = locked(assessmentNo);
			if (assessment.amount().compareTo(amount) != 0) {
				throw new AgencyRefused(SYSTEM, Reason.AMOUNT_DIFFERS, "契税核定 " + assessmentNo + " 应纳税额 "
						+ assessment.amount() + " 元，缴款 " + amount + " 元不符，未入库。 The payment differs from the tax assessed.");
			}
			switch (assessment.status()) {
				case PAID:
					return assessment;
				case REFUND_PENDING, VOIDED:
					throw new AgencyRefused(SYSTEM, Reason.FILING_NOT_IN_FORCE, "契税核定 " + assessmentNo + " 已因交易取消于 "
							+ assessment.cancelledOn() + (assessment.status() == AssessmentStatus.VOIDED ? " 作废" : " 转退税")
							+ "，不能缴款。 The sale was cancelled.");
				default:
					break;
			}
			String filingStatus = this.jdbc.sql("select status from fake_resale_filing where filing_no = ?")
				.param(assessment.filingNo()).query(String.class).single();
			if (!"FILED".equals(filingStatus)) {
				throw new AgencyRefused(SYSTEM, Reason.FILING_NOT_IN_FORCE, "网签备案 " + assessment.filingNo()
						+ " 已注销，契税不能缴款。 The sale's filing was withdrawn.");
			}
			LocalDate today = LocalDate.now(this.clock);
			this.jdbc.sql("""
					update fake_deed_tax_assessment set status = 'PAID', paid_on = :today, payment_certificate_no = :cert
					 where assessment_no = :no""")
				.param("today", today)
				.param("cert", "WS" + today.toString().replace("-", "") + assessmentNo.substring(assessmentNo.length() - 6))
				.param("no", assessmentNo)
				.update();
			return find("assessment_no = ?", assessmentNo).orElseThrow();
		});
	}

	@Override
	public DeedTaxAssessment cancelForSaleCancelled(String assessmentNo, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a cancellation says why");
		}
		return this.calls.change(FakeSystem.TAX_BUREAU, status -> {
			DeedTaxAssessment assessment = locked(assessmentNo);
			if (assessment.status() == AssessmentStatus.REFUND_PENDING || assessment.status() == AssessmentStatus.VOIDED) {
				return assessment;
			}
			FakeRegistryTitles.transferOf(this.jdbc, assessment.filingNo()).ifPresent(transfer -> {
				throw new AgencyRefused(SYSTEM, Reason.ALREADY_REGISTERED, transfer.words(assessment.filingNo())
						+ "，契税不予退还（契税法第十二条：权属登记前合同解除方可退税）。 The title has moved: the deed tax is not refunded.");
			});
			this.jdbc.sql("""
					update fake_deed_tax_assessment set status = :status, cancelled_on = :today, cancel_reason = :reason
					 where assessment_no = :no""")
				.param("status", assessment.status() == AssessmentStatus.PAID ? "REFUND_PENDING" : "VOIDED")
				.param("today", LocalDate.now(this.clock))
				.param("reason", reason)
				.param("no", assessmentNo)
				.update();
			return find("assessment_no = ?", assessmentNo).orElseThrow();
		});
	}

	private DeedTaxAssessment locked(String assessmentNo) {
		return find("assessment_no = ? for update", assessmentNo)
			.orElseThrow(() -> new AgencyRefused(SYSTEM, Reason.FILING_NOT_IN_FORCE, "税务局没有契税核定编号 " + assessmentNo
					+ "。 No such deed tax assessment."));
	}

	private Optional<DeedTaxAssessment> live(String filingNo) {
		return find("filing_no = ? and status <> 'VOIDED'", filingNo);
	}

	private Optional<DeedTaxAssessment> find(String where, String value) {
		return this.jdbc.sql("select * from fake_deed_tax_assessment where " + where)
			.param(value)
			.query((rs, row) -> new DeedTaxAssessment(rs.getString("assessment_no"), rs.getString("filing_no"),
					rs.getBigDecimal("tax_base"), rs.getBigDecimal("floor_area"), rs.getInt("homes_owned"),
					HomeCategory.valueOf(rs.getString("category")), rs.getBigDecimal("rate"), rs.getBigDecimal("amount"),
					rs.getObject("assessed_on", LocalDate.class), AssessmentStatus.valueOf(rs.getString("status")),
					rs.getString("payment_certificate_no"), rs.getObject("paid_on", LocalDate.class),
					rs.getObject("cancelled_on", LocalDate.class), rs.getString("cancel_reason")))
			.optional();
	}

	private record Sale(String filingNo, String certificateNo, BigDecimal price, BigDecimal floorArea, String status) {
	}

}
