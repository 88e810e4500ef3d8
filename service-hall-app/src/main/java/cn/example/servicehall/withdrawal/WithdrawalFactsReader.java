package cn.example.servicehall.withdrawal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.example.servicehall.agencies.FundAccountSystem;
import cn.example.servicehall.agencies.FundAccountSystem.AccountStatement;
import cn.example.servicehall.agencies.FundAccountSystem.PastWithdrawal;
import cn.example.servicehall.agencies.LoanServicing;
import cn.example.servicehall.agencies.RealEstateRegistry;
import cn.example.servicehall.agencies.SocialSecurity;
import cn.example.servicehall.intake.ResidentIdNumber;
import cn.example.servicehall.intake.RetirementAge;

/**
 * Gathers what the withdrawal rules decide on from the systems that know it: the account and its interest to date,
 * the earlier withdrawals of the applicant and of anyone for the same home, the homes the family owns in the city, the
 * housing loans and their repayments, the retirement on record; and the application's own claim. A system that cannot
 * answer throws {@link cn.example.servicehall.agencies.AgencyUnavailable}: the caller says so (a preview) or retries
 * (the process).
 */
@Component
class WithdrawalFactsReader {

	/** Repayments are counted from the first: earlier repayment withdrawals of the loan are subtracted from them. */
	private static final LocalDate SINCE_EVER = LocalDate.of(1990, 1, 1);

	private final FundAccountSystem accounts;

	private final RealEstateRegistry registry;

	private final SocialSecurity socialSecurity;

	private final LoanServicing loans;

	private final Clock clock;

	WithdrawalFactsReader(FundAccountSystem accounts, RealEstateRegistry registry, SocialSecurity socialSecurity,
			LoanServicing loans, Clock clock) {
		this.accounts = accounts;
		this.registry = registry;
		this.socialSecurity = socialSecurity;
		this.loans = loans;
		this.clock = clock;
	}

	/**
	 * The facts of the application on the hall's day, or empty when the applicant has no fund account (nothing to
	 * withdraw from: the caller refuses with words).
	 */
	Optional<Read> read(WithdrawalApplication application) {
		LocalDate today = LocalDate.now(this.clock);
		ResidentIdNumber id = new ResidentIdNumber(application.applicant().idNumber().strip());
		Optional<AccountStatement> statement = this.accounts.statementOf(id.value());
		if (statement.isEmpty()) {
			return Optional.empty();
		}
		AccountStatement account = statement.get();
		RetirementAge.Kind kind = RetirementAge.kindOf(id.isMale(), application.applicant().femaleCadre());
		WithdrawalFacts.Applicant applicant = new WithdrawalFacts.Applicant(id.birthDate(), kind,
				this.socialSecurity.retirementOf(id.value()).isPresent());

		String spouse = application.spouseIdNumber() == null || application.spouseIdNumber().isBlank() ? null
				: application.spouseIdNumber().strip();
		List<RealEstateRegistry.OwnedHome> homes = this.registry.homesOwnedByFamily(id.value(), spouse);
		Optional<Boolean> homeOnRecord = Optional.ofNullable(application.claim().home())
			.map(home -> homes.stream().anyMatch(owned -> sameHome(owned.certificateNo(), home.certificateNo())));

		List<WithdrawalFacts.EarlierWithdrawal> earlier = earlierWithdrawals(account, id.value(), application);
		List<WithdrawalFacts.Loan> housingLoans = this.loans.loansOf(id.value(), SINCE_EVER, today)
			.stream()
			.map(loan -> new WithdrawalFacts.Loan(loan.contractNo(), loan.kind() == LoanServicing.LoanKind.FUND,
					loan.principal(), loan.repaidInPeriod(), loan.monthlyInstalment(), loan.overdue(),
					loan.outstandingPrincipal()))
			.toList();

		WithdrawalFacts facts = new WithdrawalFacts(today, applicant, account(account), Optional.of(homes.size()),
				earlier, housingLoans, application.factsClaim(homeOnRecord));
		return Optional.of(new Read(facts, account));
	}

	/**
	 * What was read: the rules' facts and the account as the account system stated it (for the payment).
	 * @param facts the rules' input
	 * @param statement the account statement
	 */
	record Read(WithdrawalFacts facts, AccountStatement statement) {
	}

	private static WithdrawalFacts.Account account(AccountStatement statement) {
		WithdrawalFacts.AccountState state = switch (statement.status()) {
			case NORMAL -> WithdrawalFacts.AccountState.NORMAL;
			case SEALED -> WithdrawalFacts.AccountState.SEALED;
			case FROZEN -> WithdrawalFacts.AccountState.FROZEN;
			case MERGED, TRANSFERRED_OUT, CLOSED_BY_WITHDRAWAL -> WithdrawalFacts.AccountState.CLOSED;
			case OTHER -> WithdrawalFacts.AccountState.OTHER;
		};
		Optional<LocalDate> sealedSince = state == WithdrawalFacts.AccountState.SEALED ? statement.lastDepositOn()
				: Optional.empty();
		return new WithdrawalFacts.Account(statement.accountNo(), state, statement.balance(), statement.interestToDate(),
				statement.continuousMonths(), sealedSince);
	}

	/** The applicant's own withdrawals and, for a home, everyone's for that home: each once. */
	private List<WithdrawalFacts.EarlierWithdrawal> earlierWithdrawals(AccountStatement account, String idNumber,
			WithdrawalApplication application) {
		// one entry per booking: a case books once, except a standing monthly offset, which books once a month
		Map<String, PastWithdrawal> byCase = new LinkedHashMap<>();
		this.accounts.withdrawalsOf(idNumber).forEach(w -> byCase.putIfAbsent(bookingOf(w), w));
		if (application.claim().home() != null) {
			this.accounts.withdrawalsForHome(application.claim().home().certificateNo().strip())
				.forEach(w -> byCase.putIfAbsent(bookingOf(w), w));
		}
		List<WithdrawalFacts.EarlierWithdrawal> earlier = new ArrayList<>();
		for (PastWithdrawal w : byCase.values()) {
			WithdrawalType type = typeOf(w);
			boolean own = w.residentIdNumber().equals(idNumber);
			// a repayment withdrawal keeps its loan's contract number where a purchase keeps its home
			Optional<String> home = type.repayment() ? Optional.empty() : w.homeRef();
			Optional<String> loan = type.repayment() ? w.homeRef() : Optional.empty();
			earlier.add(new WithdrawalFacts.EarlierWithdrawal(w.bookedOn(), type, w.amount(),
					own ? account.accountNo() : "ID:" + w.residentIdNumber(), home, loan));
		}
		return earlier;
	}

	private static String bookingOf(PastWithdrawal withdrawal) {
		return withdrawal.caseNo() + "/" + withdrawal.bookedOn();
	}

	/** The hall's type as the ledger kept it; an older booking without one by its national reason. */
	private static WithdrawalType typeOf(PastWithdrawal withdrawal) {
		Optional<WithdrawalType> kept = withdrawal.typeCode().flatMap(code -> {
			try {
				return Optional.of(WithdrawalType.valueOf(code));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		});
		return kept.orElseGet(() -> switch (withdrawal.reason()) {
			case PURCHASE -> WithdrawalType.PURCHASE_RESALE_HOME;
			case BUILD_OR_OVERHAUL -> WithdrawalType.BUILD_OR_OVERHAUL;
			case RETIREMENT -> WithdrawalType.RETIREMENT;
			case LOSS_OF_WORKING_ABILITY -> WithdrawalType.LOSS_OF_WORKING_ABILITY;
			case LEAVING_THE_CITY_OR_SETTLING_ABROAD -> WithdrawalType.LEAVING_CITY;
			case LOAN_REPAYMENT -> WithdrawalType.LOAN_REPAYMENT;
			case RENT -> WithdrawalType.RENT;
			case DEATH -> WithdrawalType.DEATH;
			case SERIOUS_ILLNESS -> WithdrawalType.SERIOUS_ILLNESS;
			case OTHER -> WithdrawalType.ELEVATOR_INSTALLATION;
		});
	}

	private static boolean sameHome(String one, String other) {
		return WithdrawalFacts.Home.key(one).equals(WithdrawalFacts.Home.key(other));
	}

}
