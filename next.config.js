/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so that a test run never leaves its pages in the build
  // that `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) once; builds need not do it again.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  async headers() {
    return [
      {
        // The personal link is in the URL: never send it on as a referrer, never index it.
        source: '/anmalan/:token*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ]
  },
}

export default nextConfig
