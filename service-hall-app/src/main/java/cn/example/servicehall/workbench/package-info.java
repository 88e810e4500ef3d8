/**
 * 工作台: the start page of every hall user, with their inbox and the cases they may see. Pages only; the work is
 * done by the capabilities.
 */
package cn.example.servicehall.workbench;
