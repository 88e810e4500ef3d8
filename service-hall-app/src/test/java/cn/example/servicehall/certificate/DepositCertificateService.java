package cn.example.servicehall.certificate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.example.servicehall.documents.render.DetailRow;
import cn.example.servicehall.intake.CaseFile;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseService;
import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.MissingMaterialsNotified.Material;
import cn.example.servicehall.intake.ServiceType;

/**
 * 住房公积金缴存证明, a service for tests only (issue 11): what intake needs to know of it. With an agent's letter of
 * authority on the checklist when someone else applies for the depositor.
 */
@Component
class DepositCertificateService implements CaseService {

	static final ServiceType TYPE = ServiceType.valueOf("DEPOSIT_CERTIFICATE");

	static final Material ID_CARD = new Material("APPLICANT_ID", "缴存人居民身份证");

	static final Material PURPOSE_LETTER = new Material("PURPOSE_LETTER", "用途说明（开具单位或用途）");

	private final CaseFiles cases;

	DepositCertificateService(CaseFiles cases) {
		this.cases = cases;
	}

	@Override
	public ServiceType type() {
		return TYPE;
	}

	@Override
	public String caseNoPrefix() {
		return "ZM";
	}

	@Override
	public String displayName(Locale locale) {
		return CaseService.pick(locale, "住房公积金缴存证明", "Deposit certificate");
	}

	@Override
	public String documentName() {
		return "住房公积金缴存证明开具";
	}

	@Override
	public Checklist checklist(CaseFile file) {
		return new Checklist(List.of(new Checklist.Item(ID_CARD, "原件", "1份", "缴存人有效期内的居民身份证原件"),
				new Checklist.Item(PURPOSE_LETTER, "原件", "1份", "写明证明交往何处、作何用途")));
	}

	@Override
	public List<? extends CaseStage> stages() {
		return Arrays.asList(CertificateStage.values());
	}

	@Override
	public int decisionDays() {
		return 1;
	}

	@Override
	public Completion completion(CaseFile file) {
		List<String> clerks = this.cases.actorsOf(file.caseNo(), CaseFiles.ACCEPTED);
		return new Completion("已开具住房公积金缴存证明",
				List.of(new DetailRow("证明编号", "ZM-" + file.caseNo().value()), new DetailRow("证明份数", "1份")),
				List.of("缴存证明自开具之日起三个月内有效，可扫码核验。"), clerks.isEmpty() ? "—" : clerks.get(clerks.size() - 1));
	}

}
