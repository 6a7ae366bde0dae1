declare module 'zendesk_app_framework_sdk' {
  const ZAFClient: unknown;
  export default ZAFClient;
}
