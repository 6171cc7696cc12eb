/** Where the API is served, behind CloudFront as locally: every route is under it. */
export const API_BASE_PATH = '/api/v1';
