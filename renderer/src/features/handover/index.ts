// What other features use of the handover: the template's form (mounted in 管理).
export { HandoverTemplateForm } from './HandoverTemplateForm';
