package cn.example.servicehall.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.example.servicehall.agencies.HousingAuthority.ResaleFiling;
import cn.example.servicehall.agencies.RealEstateRegistry.TransferRegistration;
import cn.example.servicehall.agencies.TaxBureau;
import cn.example.servicehall.agencies.TaxBureau.DeedTaxAssessment;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.loan.SubmitResaleLoanApplication;

/** {@code bundle_resale_sale}: a resale bundle's sale and each agency's answer, written as the answers come. */
@Repository
class ResaleSaleRecords {

	private final JdbcClient jdbc;

	ResaleSaleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CaseNo caseNo, ResaleSale sale, BundleApplication.Loan loan) {
		SubmitResaleLoanApplication.Seller seller = loan.property().seller();
		this.jdbc.sql("""
				insert into bundle_resale_sale (case_no, seller_name, seller_id_no, certificate_no, address, floor_area,
				                                price, signed_on, declared_home, spouse_id_no)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseNo.value(), seller.name().strip(), seller.idNumber().strip(),
					loan.property().certificateNo().strip(), sale.address().strip(), sale.floorArea(),
					loan.property().contractPrice(), loan.contractSignedOn(), sale.home().name(),
					loan.coBorrower() == null ? null : loan.coBorrower().idNumber().strip())
			.update();
	}

	void filed(CaseNo caseNo, ResaleFiling filing) {
		this.jdbc.sql("update bundle_resale_sale set filing_no = ?, filed_on = ? where case_no = ?")
			.params(filing.filingNo(), filing.filedOn(), caseNo.value())
			.update();
	}

	void filingRefused(CaseNo caseNo, String words) {
		this.jdbc.sql("update bundle_resale_sale set filing_refusal = ? where case_no = ?")
			.params(words, caseNo.value())
			.update();
	}

	void filingWithdrawn(CaseNo caseNo, LocalDate on) {
		this.jdbc.sql("update bundle_resale_sale set filing_withdrawn_on = ? where case_no = ?")
			.params(on, caseNo.value())
			.update();
	}

	void taxed(CaseNo caseNo, DeedTaxAssessment tax) {
		this.jdbc.sql("""
				update bundle_resale_sale set tax_assessment_no = ?, tax_category = ?, tax_rate = ?, tax_amount = ?,
				       tax_certificate_no = ?, tax_paid_on = ?,
				       tax_cancel_status = case when ? in ('REFUND_PENDING', 'VOIDED') then ? end
				 where case_no = ?""")
			.params(tax.assessmentNo(), tax.category().name(), tax.rate(), tax.amount(), tax.paymentCertificateNo(),
					tax.paidOn(), tax.status().name(), tax.status().name(), caseNo.value())
			.update();
	}

	void registered(CaseNo caseNo, TransferRegistration registration) {
		this.jdbc.sql("""
				update bundle_resale_sale set new_certificate_no = ?, mortgage_certificate_no = ?, registered_on = ?
				 where case_no = ?""")
			.params(registration.certificateNo(), registration.mortgageCertificateNo(), registration.registeredOn(),
					caseNo.value())
			.update();
	}

	Optional<Kept> find(CaseNo caseNo) {
		return this.jdbc.sql("select * from bundle_resale_sale where case_no = ?")
			.param(caseNo.value())
			.query((rs, row) -> new Kept(rs.getString("seller_name"), rs.getString("seller_id_no"),
					rs.getString("certificate_no"), rs.getString("address"), rs.getBigDecimal("floor_area"),
					rs.getBigDecimal("price"), rs.getObject("signed_on", LocalDate.class),
					TaxBureau.HomeCategory.valueOf(rs.getString("declared_home")), rs.getString("spouse_id_no"),
					rs.getString("filing_no"), rs.getObject("filed_on", LocalDate.class), rs.getString("filing_refusal"),
					rs.getObject("filing_withdrawn_on", LocalDate.class), rs.getString("tax_assessment_no"),
					rs.getString("tax_category"), rs.getBigDecimal("tax_rate"), rs.getBigDecimal("tax_amount"),
					rs.getString("tax_certificate_no"), rs.getObject("tax_paid_on", LocalDate.class),
					rs.getString("tax_cancel_status"), rs.getString("new_certificate_no"),
					rs.getString("mortgage_certificate_no"), rs.getObject("registered_on", LocalDate.class)))
			.optional();
	}

	/** A sale as kept; the agencies' fields are null until they answered. */
	record Kept(String sellerName, String sellerIdNumber, String certificateNo, String address, BigDecimal floorArea,
			BigDecimal price, LocalDate signedOn, TaxBureau.HomeCategory declaredHome, String spouseIdNumber,
			String filingNo, LocalDate filedOn, String filingRefusal, LocalDate filingWithdrawnOn, String taxAssessmentNo, String taxCategory,
			BigDecimal taxRate, BigDecimal taxAmount, String taxCertificateNo, LocalDate taxPaidOn,
			String taxCancelStatus, String newCertificateNo, String mortgageCertificateNo, LocalDate registeredOn) {
	}

}
