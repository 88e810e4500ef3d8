package cn.example.servicehall.certificate;

import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;

/** The certificate's own stage. */
enum CertificateStage implements CaseStage {

	/** 已开具: the certificate is issued. */
	CERTIFICATE_ISSUED;

	@Override
	public CaseStatus lifecycle() {
		return CaseStatus.IN_PROGRESS;
	}

}
