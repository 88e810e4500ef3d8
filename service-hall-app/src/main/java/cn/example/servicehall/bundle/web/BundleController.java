package cn.example.servicehall.bundle.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.example.servicehall.bundle.Bundle;
import cn.example.servicehall.bundle.AfterRefusalChoice;
import cn.example.servicehall.bundle.BundleApplication;
import cn.example.servicehall.bundle.BundleCatalogue;
import cn.example.servicehall.bundle.Bundles;
import cn.example.servicehall.bundle.DeedTaxPaid;
import cn.example.servicehall.bundle.ResaleSales;
import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.intake.CaseNotFound;
import cn.example.servicehall.platform.idempotency.IdempotentRequests;

@RestController
@RequestMapping("/api/bundles")
@Tag(name = "Bundles", description = "一件事一次办: the catalogue of bundles that join several services under one case "
		+ "number, for the online channel and the counters")
class BundleController {

	private final BundleCatalogue catalogue;

	private final Bundles bundles;

	private final IdempotentRequests idempotent;

	private final ResaleSales sales;

	BundleController(BundleCatalogue catalogue, Bundles bundles, IdempotentRequests idempotent, ResaleSales sales) {
		this.sales = sales;
		this.catalogue = catalogue;
		this.bundles = bundles;
		this.idempotent = idempotent;
	}

	@PostMapping("/{code}/applications")
	@Operation(summary = "受理一件事 at the counter: the depositor, their own bank card and the merged checklist checked; "
			+ "one case number (YS…), the parts registered under it, the bundle's process started")
	ResponseEntity<?> submit(@PathVariable String code,
			@Parameter(description = "A unique key per application, reused when retrying")
			@RequestHeader(IdempotentRequests.HEADER) String idempotencyKey,
			@Valid @RequestBody BundleApplication application, CurrentOfficer officer) {
		return this.idempotent.once(idempotencyKey, officer.id() + " bundle.submit " + code, application, () -> {
			CaseNo caseNo = this.bundles.submit(code, application, officer);
			return ResponseEntity.created(URI.create("/api/cases/" + caseNo.value()))
				.body(Map.of("caseNo", caseNo.value()));
		});
	}

	@GetMapping
	@Operation(summary = "The catalogue: every bundle with its parts, agencies, order, time limit, what a refused part "
			+ "does and the merged checklist (each material once); those not yet open have available = false (即将开通) "
			+ "and cannot be applied for")
	List<BundleEntry> catalogue() {
		return this.catalogue.all().stream().map(BundleEntry::of).toList();
	}

	@PostMapping("/cases/{caseNo}/after-refusal")
	@Operation(summary = "After a part was refused: the acceptance clerk records whether the citizen goes on with the "
			+ "other parts (CONTINUE) or cancels the bundle (CANCEL)")
	ResponseEntity<Void> afterRefusal(@PathVariable String caseNo, @Valid @RequestBody AfterRefusalChoice request,
			CurrentOfficer officer) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		this.bundles.decideAfterRefusal(new CaseNo(caseNo), request.decision(), request.remark(), officer);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/cases/{caseNo}/deed-tax-paid")
	@Operation(summary = "二手房买卖+公积金贷款: the acceptance clerk confirms that the buyer paid the assessed deed tax "
			+ "at the tax window (the amount must be the one assessed); the payment is then recorded with the tax bureau")
	ResponseEntity<Void> deedTaxPaid(@PathVariable String caseNo, @Valid @RequestBody DeedTaxPaid request,
			CurrentOfficer officer) {
		if (!CaseNo.isValid(caseNo)) {
			throw new CaseNotFound(caseNo);
		}
		this.sales.confirmDeedTaxPaid(new CaseNo(caseNo), request.amount(), officer);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A bundle as the API shows it.
	 * @param code its code
	 * @param name its name in Chinese
	 * @param nameEn its name in English
	 * @param available whether it may be applied for (false: 即将开通)
	 * @param timeLimitWorkingDays from acceptance to the last part done, in working days
	 * @param onRefusal {@code ask-to-continue} or {@code cancel-bundle}
	 * @param parts the services it joins
	 * @param materials the merged checklist
	 */
	record BundleEntry(String code, String name, String nameEn, boolean available, int timeLimitWorkingDays,
			String onRefusal, List<PartEntry> parts, List<MaterialEntry> materials) {

		static BundleEntry of(Bundle bundle) {
			return new BundleEntry(bundle.code(), bundle.name(), bundle.nameEn(), bundle.available(),
					bundle.timeLimitWorkingDays(), bundle.onRefusal().word(),
					bundle.parts()
						.stream()
						.map(p -> new PartEntry(p.key(), p.name(), p.nameEn(), p.service(), p.variant().orElse(null),
								p.agency().name(), p.when().orElse(null), p.after(), p.materials(), p.ownCodes(),
								p.planned()))
						.toList(),
					bundle.materials()
						.stream()
						.map(m -> new MaterialEntry(m.code(), m.name(), m.nameEn(), m.form(), m.copies(),
								m.requirement(), m.neededBy()))
						.toList());
		}

	}

	/**
	 * A part of a bundle.
	 * @param key its key
	 * @param name its name in Chinese
	 * @param nameEn its name in English
	 * @param service the service's code
	 * @param variant the service's variant, if any
	 * @param agency who does it
	 * @param when the condition under which it runs ({@code has-fund-loan}); always when null
	 * @param after the parts it waits for
	 * @param materials the codes of the materials it needs
	 * @param ownCodes where its service calls one of them by another code (bundle's code → service's code)
	 * @param planned whether its service is not run by the hall yet
	 */
	record PartEntry(String key, String name, String nameEn, String service, String variant, String agency,
			String when, List<String> after, List<String> materials, Map<String, String> ownCodes, boolean planned) {
	}

	/**
	 * A material of the merged checklist.
	 * @param code its code
	 * @param name its name in Chinese
	 * @param nameEn its name in English
	 * @param form 原件, 复印件 or both
	 * @param copies how many
	 * @param requirement what exactly is asked for
	 * @param neededBy the parts that need it
	 */
	record MaterialEntry(String code, String name, String nameEn, String form, String copies, String requirement,
			List<String> neededBy) {
	}

}
