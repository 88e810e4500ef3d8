/**
 * The systems in the hall that are not the hall's, each a port here: the interface a real system's adapter
 * implements; {@code agencies.fake} holds stand-ins for development and tests on {@code fake_*} tables, which a
 * production installation leaves out ({@code db/fakes}).
 * <ul>
 * <li>{@link cn.example.servicehall.agencies.FundAccountSystem}: the fund's account system (归集), a ledger. The
 * account ({@code accountOf}, for the loan), its statement ({@code statementOf}: status with its JGJ/T 320 A.6 code,
 * e.g. {@code 05} 提取销户, balance, interest to date on the hall's date), earlier withdrawals by person or by home,
 * a partial withdrawal's {@code debit} and an account-closing withdrawal's {@code close} (interest credited,
 * everything debited, status 05), each once per case number;</li>
 * <li>{@link cn.example.servicehall.agencies.BankCore}: the bank's core; {@code pay} for a loan's disbursement to
 * the seller (keyed by an order id), {@code transfer} for a withdrawal to the citizen's own card (keyed by the case
 * number);</li>
 * <li>{@link cn.example.servicehall.agencies.CreditBureau}: credit reports (征信, through the bank);</li>
 * <li>{@link cn.example.servicehall.agencies.RealEstateRegistry}: titles by certificate number, and the homes a
 * person, and their spouse, own in the city, by ID number;</li>
 * <li>{@link cn.example.servicehall.agencies.SocialSecurity}: whether, and when, a person retired;</li>
 * <li>{@link cn.example.servicehall.agencies.LoanServicing}: a person's housing loans, fund and commercial, what was
 * repaid in a period and what is overdue now;</li>
 * <li>{@link cn.example.servicehall.agencies.NotificationGateway}: text messages to citizens (SMS), once per message
 * id, read back by case with the number masked;</li>
 * <li>{@link cn.example.servicehall.agencies.HousingAuthority}: the housing authority's filed purchase contracts
 * (网签备案), by filing number, for a new-house loan; and a second-hand sale's contract filed, read back and withdrawn
 * (存量房网签备案);</li>
 * <li>{@link cn.example.servicehall.agencies.TaxBureau}: the deed tax (契税) of a filed sale, assessed by the buyer
 * family's homes and the floor area, paid once, marked for refund when the sale is cancelled;</li>
 * <li>the registry's combined transfer and mortgage registration of a filed sale
 * ({@code RealEstateRegistry.registerTransferWithMortgage}, 转移登记 + 抵押登记 合并办理).</li>
 * </ul>
 * Two kinds of failure: {@link cn.example.servicehall.agencies.AgencyUnavailable} when a system cannot answer (down,
 * timeout, an answer lost after the work was done): a technical failure the engine retries and, in the end, shows as
 * an incident; every change a port makes is idempotent by its key (case number, order id, message id, request key), so a retry
 * never books, pays or sends twice. {@link cn.example.servicehall.agencies.AgencyRefused} when it answered no (above
 * the balance, the case booked differently, a card that fails its check digit; {@code AccountAlreadyClosed} for a
 * second closing): a {@link cn.example.servicehall.platform.PermanentFailure}, not retried, its message in words a
 * clerk can act on. Each port's dates ("retired by now", "overdue now", "interest to date") are the hall's
 * {@link java.time.Clock}'s.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agencies",
		allowedDependencies = { "platform", "identity" })
package cn.example.servicehall.agencies;
