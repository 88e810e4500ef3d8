package cn.example.servicehall.certificate;

import cn.example.servicehall.documents.render.DocumentData;
import cn.example.servicehall.documents.render.DocumentTemplate;

/** The certificate's template, brought with its package. */
enum DepositCertificateTemplate implements DocumentTemplate {

	/** 住房公积金缴存证明. */
	DEPOSIT_CERTIFICATE;

	@Override
	public String path() {
		return "certificate/deposit-certificate.xhtml";
	}

	@Override
	public Class<? extends DocumentData> dataType() {
		return DepositCertificateData.class;
	}

	@Override
	public String title() {
		return "住房公积金缴存证明";
	}

	@Override
	public String numberPrefix() {
		return "JC";
	}

}
