package cn.example.servicehall.bundle;

import static cn.example.servicehall.support.LoanFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.example.servicehall.ServiceHallIntegrationTest;
import cn.example.servicehall.identity.Groups;
import cn.example.servicehall.support.Api;
import cn.example.servicehall.support.BundleFixtures;
import cn.example.servicehall.support.PdfTools;
import cn.example.servicehall.support.TestTokens;
import cn.example.servicehall.support.WithdrawalFixtures;
import cn.example.servicehall.support.WithdrawalFixtures.Depositor;

/**
 * A bundle's one acceptance receipt lists its parts in a table (一次受理，各部门分别办理): each part's own number under
 * the case number, its name, the agency that does it and when; a single service's receipt has no such table.
 */
@ServiceHallIntegrationTest
class BundleAcceptanceReceiptIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private JdbcClient jdbc;

	@TempDir
	Path work;

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void theReceiptListsEachPartWithItsNumberAgencyAndOrder() {
		ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse("2026-12-07T10:00:00+08:00").toInstant()));
		Depositor retired = WithdrawalFixtures.retired(this.jdbc, "回执事项");
		String caseNo = BundleFixtures.submitRetirement(
				Api.as(this.http, TestTokens.user("clerk1", Groups.HPF_ACCEPTANCE_CLERK)), this.engine, retired,
				"13800138000");

		String receipt = text(caseNo, "ACCEPTANCE_RECEIPT");
		assertThat(receipt).contains("二、本件包含的事项", "事项编号", "办理部门", "办理顺序", caseNo + "-2",
				"离休、退休提取并销户", "公积金中心", "受理后即办", "三、已收取的申请材料", "四、温馨提示");
		assertThat(receipt).as("the bundle itself (part 1) is not one of the parts listed").doesNotContain(caseNo + "-1");
		// the withdrawal's own receipt, as one part, is a single service's: no parts table
		assertThat(text(caseNo, "WITHDRAWAL_RECEIPT")).doesNotContain("本件包含的事项");
	}

	private String text(String caseNo, String kind) {
		return PdfTools.storedText(this.jdbc, this.work, caseNo, kind);
	}

}
