package cn.example.servicehall.intake;

/**
 * Whether a developer company may act in the hall at all: registered with the fund centre and not suspended. Intake
 * asks it before letting a developer agent see their company's cases ({@link CaseVisibility}); the module that keeps
 * the companies ({@code developer}) answers it, so intake need not know it.
 */
public interface ActingCompanies {

	/**
	 * @param developerCompanyId the company's unified social credit code, as the agent's token names it
	 * @return whether the company is registered and active
	 */
	boolean mayAct(String developerCompanyId);

}
