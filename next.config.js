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
        // The personal link is in the URL: never send it to another site as a referrer (same-origin,
        // not no-referrer: with no-referrer the browser posts forms with Origin: null, which Next.js
        // refuses for server actions), and never index it.
        source: '/anmalan/:token*',
        headers: [
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ]
  },
}

export default nextConfig
