/**
 * 公积金贷款: resale (二手房) and new-house loans, from the application through review, contract, mortgage
 * registration and disbursement.
 */
package cn.example.servicehall.loan;
